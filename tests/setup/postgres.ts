// Vitest globalSetup for the 'server' project: provides `pgUrl` (inject('pgUrl')) for
// the real-PostgreSQL half of every server suite, or '' when there is none, in which
// case those suites are skipped with a clear message, except on CI, where a skipped
// real-database run would be a silent hole in the gate.
import type { TestProject } from 'vitest/node';
import { resolvePostgres, SKIP_MESSAGE } from '../server/support/pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await resolvePostgres({ fast: true });
  if (!server) {
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${SKIP_MESSAGE}. CI must run them: set TEST_DATABASE_URL or install PostgreSQL.`);
    console.warn(`\n*** ${SKIP_MESSAGE} ***\n`);
    project.provide('pgUrl', '');
    return async () => {};
  }
  console.log(`Real PostgreSQL for server tests: ${server.description}`);
  project.provide('pgUrl', server.url);
  return () => server.stop();
}
