// Applies a push batch in one transaction with a fixed number of statements whatever
// the batch size (lock, read, write, plus BEGIN/COMMIT). Correct under concurrency on
// real PostgreSQL (READ COMMITTED):
//  1. per-entry advisory locks, taken in sorted order (no deadlock between batches),
//     serialise pushes touching the same entry, including a brand-new id that has no
//     head row yet for FOR UPDATE to lock. They are their own statement: a READ
//     COMMITTED snapshot is taken when a statement starts, so only a statement that
//     starts after the locks sees every push committed before ours;
//  2. heads (FOR UPDATE) and their stored revisions are then read in one query;
//  3. server_seq values are drawn while holding a SHARED advisory lock until COMMIT;
//     pulls read their horizon under the same lock EXCLUSIVE (sync_horizon() in
//     001_init.sql), so a pull never returns seq 11 while seq 10 may still commit, and
//     pushes still commit in parallel (group commit) rather than one at a time.
// Lock order everywhere: entry-id locks → device and entry rows → the seq lock.
import type { DeviceHeartbeat, PushResult, User } from '../../src/domain/sync.ts';
import type { Db } from '../db/db.ts';
import { classify, revKey, type Decision } from './classify.ts';
import { lockEntries, readHeads, writeApplied } from './push-sql.ts';
import type { PreparedChange, ReadableChange } from './prepare.ts';

export interface PushInput {
  user: User;
  deviceId: string;
  ip: string;
  heartbeat: DeviceHeartbeat;
  changes: PreparedChange[];
  nowMs: number;
}

export interface PushOutcome {
  results: PushResult[];
  counts: Record<PushResult['status'], number>;
}

export async function applyPush(db: Db, input: PushInput): Promise<PushOutcome> {
  const readable = input.changes.filter((c): c is ReadableChange => c.readable);
  return db.transaction(async (tx) => {
    // PGlite is one connection, and its mutex runs whole transactions one at a time:
    // there is no other push to serialise against, so the locks are only taken on PostgreSQL.
    if (db.kind === 'postgres') await lockEntries(tx, readable);
    const { heads, stored } = await readHeads(tx, readable, input);
    const decisions = classify(input.changes, heads, stored, input.user.id);
    const toApply = decisions.flatMap((d) => (d.status === 'apply' ? [d.change] : []));
    const applied = toApply.length ? await writeApplied(tx, toApply, input) : new Map<string, number>();
    return toResults(input.changes, decisions, applied, new Date(input.nowMs));
  });
}

function toResults(changes: PreparedChange[], decisions: Decision[], applied: Map<string, number>, now: Date): PushOutcome {
  const counts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
  const serverTime = now.toISOString();
  const results = decisions.map((d, i): PushResult => {
    const { id, rev } = changes[i]!;
    switch (d.status) {
      case 'apply':
      case 'same_as': {
        const serverSeq = applied.get(revKey(id, rev));
        if (serverSeq === undefined) throw new Error(`revision ${id}#${rev} was not inserted`);
        return { id, rev, status: d.status === 'apply' ? 'applied' : 'duplicate', serverSeq, serverTime };
      }
      case 'duplicate':
        return { id, rev, status: 'duplicate', serverSeq: d.serverSeq, serverTime: d.serverTime.toISOString() };
      default:
        return { id, rev, status: d.status, errors: d.errors };
    }
  });
  for (const r of results) counts[r.status] += 1;
  return { results, counts };
}
