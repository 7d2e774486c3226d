// Real PostgreSQL through a pg.Pool: what runs when DATABASE_URL is set, and what lets
// several stateless server processes share one database.
import pg from 'pg';
import { parseInt8, type Db, type Queryable, type QueryOptions } from './db.ts';

export interface PostgresOptions {
  max?: number;
  /** Server-side cap per statement; a stuck query fails (503) instead of holding a connection. */
  statementTimeoutMs?: number;
}

const INT8_OID = 20;

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    // A client that died mid-transaction must not keep its row locks.
    idle_in_transaction_session_timeout: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection emits here; without a listener Node would crash.
  pool.on('error', () => {});

  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const values = params ? [...params] : undefined;
      const result = await (options?.name ? q.query({ name: options.name, text: sql, values }) : q.query(sql, values));
      return result.rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  const self = wrap(pool);

  return {
    kind: 'postgres',
    query: self.query,
    exec: self.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (err) {
        // If even ROLLBACK fails the connection is unusable: destroy it rather than pool it.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackErr: Error) => client.release(rollbackErr),
        );
        throw err;
      }
    },
    close: () => pool.end(),
  };
}
