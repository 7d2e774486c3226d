export * from './types.ts';
export * from './lookup.ts';
export { SEED_CATALOGUE } from './seeds.ts';
export { renewPromise, type RenewOptions } from './renew.ts';
export { withExamples, EXAMPLE_PERIOD } from './demo.ts';
export * from './edit.ts';
