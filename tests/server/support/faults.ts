// Db wrappers that misbehave on purpose: fail the Nth query of a transaction, lose the
// answer after COMMIT, or go slow. The server must lose nothing and double nothing.
import type { Db, Queryable } from '../../../server/db/db.ts';

export interface FaultPlan {
  /** Throw instead of running the Nth query (1-based) inside a transaction. */
  failOnTxQuery?: number;
  /** Commit, then throw as if the connection died before the answer came back. */
  failAfterCommit?: boolean;
  /** Delay every query by this many ms. */
  delayMs?: number;
  /** Run this SQL before the Nth transaction query (e.g. pg_sleep under a statement_timeout). */
  injectSql?: { atTxQuery: number; sql: string };
  /** Throw this (e.g. a PostgreSQL error with code 57014) instead of the Nth query. */
  throwOnTxQuery?: { at: number; error: Error };
  /** Awaited after the transaction's last query, before COMMIT: holds a transaction open. */
  beforeCommit?: () => Promise<void>;
}

export class InjectedFault extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `plan` is read on every call, so a test can arm and disarm faults between requests. */
export function faultyDb(inner: Db, plan: FaultPlan): Db & { txQueries: number[] } {
  const txQueries: number[] = [];
  const delayed = (q: Queryable): Queryable => ({
    async query(sql, params) {
      if (plan.delayMs) await sleep(plan.delayMs);
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  const outer = delayed(inner);
  return {
    kind: inner.kind,
    txQueries,
    query: outer.query,
    exec: outer.exec,
    close: () => inner.close(),
    async transaction(fn) {
      let n = 0;
      const result = await inner.transaction(async (tx) => {
        const slow = delayed(tx);
        const out = await fn({
          exec: slow.exec,
          async query(sql, params) {
            n += 1;
            if (plan.failOnTxQuery === n) throw new InjectedFault(`injected failure at transaction query ${n}`);
            if (plan.throwOnTxQuery?.at === n) throw plan.throwOnTxQuery.error;
            if (plan.injectSql?.atTxQuery === n) await tx.query(plan.injectSql.sql);
            return slow.query(sql, params);
          },
        });
        await plan.beforeCommit?.();
        return out;
      });
      txQueries.push(n);
      if (plan.failAfterCommit) throw new InjectedFault('connection lost after COMMIT');
      return result;
    },
  } as Db & { txQueries: number[] };
}
