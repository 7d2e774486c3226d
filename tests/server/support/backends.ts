// Every server suite runs against both databases: embedded PGlite (in memory) and real
// PostgreSQL (a fresh database per suite, created from the globalSetup's server).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Db } from '../../../server/db/db.ts';
import { openPglite } from '../../../server/db/pglite.ts';
import { openPostgres, type PostgresOptions } from '../../../server/db/postgres.ts';

export type Backend = 'pglite' | 'postgres';

export function pgUrl(): string {
  return inject('pgUrl');
}

/** describe(title [backend]) once per backend; the postgres one is skipped when there is no PostgreSQL. */
export function describeBackends(title: string, fn: (backend: Backend) => void): void {
  for (const backend of ['pglite', 'postgres'] as const) {
    describe.skipIf(backend === 'postgres' && !pgUrl())(`${title} [${backend}]`, () => fn(backend));
  }
}

export interface TestDb {
  db: Db;
  /** For postgres: the URL of this suite's own database (to open more pools on it). */
  url: string | null;
  close(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A clean, empty database: a new PGlite in memory, or a new database on the PostgreSQL server. */
export async function openTestDb(backend: Backend, options: PostgresOptions = {}): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = await openPglite();
    return { db, url: null, close: () => db.close() };
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(pgUrl(), name);
  const db = openPostgres(url, { max: 20, ...options });
  return {
    db,
    url,
    async close() {
      await db.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
