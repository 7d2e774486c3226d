// Embedded PostgreSQL (WASM). One connection: queries and transactions are serialised
// by PGlite's own mutex, which is also why a single server process is its limit.
import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { parseInt8, type Db, type Queryable } from './db.ts';

/**
 * A text parameter given as UTF-8 bytes (a push's batch: push-sql.ts) goes to PostgreSQL as
 * they are, in binary format, which for text is those bytes. As a string, PGlite's protocol
 * writer first measures its UTF-8 length in a JavaScript loop: about 4 ms of the server's
 * one thread for a 480 KB batch. node-postgres sends bytes the same way.
 */
function textParam(value: unknown): string {
  // Typed as PGlite's serializers are (a string); its protocol writer takes bytes as well.
  if (value instanceof Uint8Array) return value as unknown as string;
  // Otherwise as PGlite's own text serializer.
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Opens PGlite with its data in `dataDir`, or in memory when dataDir is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: { [types.INT8]: parseInt8 }, serializers: { [types.TEXT]: textParam } });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await q.query<T>(sql, params ? [...params] : undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const self = wrap(pg);
  return {
    kind: 'pglite',
    query: self.query,
    exec: self.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
