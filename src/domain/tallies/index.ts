export * from './outcomes.ts';
export * from './plan.ts';
export * from './tally.ts';
export * from './days.ts';
export * from './completions.ts';
export * from './unsent.ts';
