// The one way the server talks to its database. Two implementations (embedded PGlite
// and a pg.Pool on real PostgreSQL) run the same SQL, so every query is written for
// plain PostgreSQL and tested on both.

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /**
   * Name for a server-side prepared statement (PostgreSQL only; PGlite ignores it):
   * the hot push and session queries are parsed and planned once per connection.
   */
  name?: string;
}

export interface Queryable {
  /** One statement with $1… parameters; returns the rows. */
  query<T = Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs fn inside BEGIN … COMMIT (ROLLBACK when it throws). Inside, use only `tx`:
   * PGlite has one connection, so a query on the Db itself would wait for the
   * transaction to end, i.e. forever.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL error codes the HTTP layer maps to 503 rather than 500 (retry later). */
export const TRANSIENT_PG_CODES = new Set([
  '57014', // query_canceled (statement_timeout)
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '08006', // connection_failure
  '08003', // connection_does_not_exist
]);

/** The int8 columns we use (sequences, counts) stay far below 2^53, so numbers are safe and simpler than strings. */
export const parseInt8 = (value: string): number => Number(value);
