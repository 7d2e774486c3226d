// The queue of revisions waiting for the server. An item leaves only when the server
// has answered for it ('applied' or 'duplicate'); nothing is removed on a guess.
import type { EntryRevision } from '../domain/entry.ts';
import type { PushResult } from '../domain/sync.ts';
import type { FieldLogDb, OutboxItem } from './schema.ts';

export interface QueuedChange {
  item: OutboxItem;
  revision: EntryRevision;
}

/**
 * The oldest items that can be sent now, in the order they were made. Rejected ones
 * wait for a correction. Only the signed-in officer's own revisions go: the server
 * attributes a push to the session's user.
 */
export async function nextBatch(db: FieldLogDb, limit: number, officerId?: string): Promise<QueuedChange[]> {
  return db.transaction('r', db.outbox, db.revisions, async () => {
    const items = await db.outbox
      .orderBy('seq')
      .filter((i) => i.state !== 'rejected' && (officerId === undefined || i.officerId === officerId))
      .limit(limit)
      .toArray();
    const revisions = await db.revisions.bulkGet(items.map((i) => [i.id, i.rev] as [string, number]));
    return items.map((item, n) => ({ item, revision: revisions[n]! }));
  });
}

export async function markSending(db: FieldLogDb, seqs: number[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const seq of seqs) {
      await db.outbox.where('seq').equals(seq).modify((i) => {
        i.state = 'sending';
        i.attempts += 1;
      });
    }
  });
}

/** Put items that were in flight when a push failed (or the app died) back in the queue. */
export async function requeueSending(db: FieldLogDb): Promise<void> {
  await db.outbox.where('state').equals('sending').modify({ state: 'queued' });
}

/**
 * Apply the server's answers: applied and duplicate leave the outbox and stamp the
 * revision with its server sequence; rejected and conflict stay with the reasons.
 */
export async function applyPushResults(db: FieldLogDb, results: PushResult[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.revisions, db.entries, async () => {
    for (const r of results) {
      const item = await db.outbox.where('[id+rev]').equals([r.id, r.rev]).first();
      if (!item) continue;
      if (r.status === 'applied' || r.status === 'duplicate') {
        await db.outbox.delete(item.seq!);
        const stamp = { serverSeq: r.serverSeq ?? null, serverTime: r.serverTime ?? null };
        await db.revisions.update([r.id, r.rev], stamp);
        const head = await db.entries.get(r.id);
        if (head && head.rev === r.rev) await db.entries.update(r.id, stamp);
      } else {
        // Keep a copy of what lost a conflict: a pull may replace the local revision with the server's.
        const lost = r.status === 'conflict' ? await db.revisions.get([r.id, r.rev]) : undefined;
        await db.outbox.update(item.seq!, { state: 'rejected', errors: r.errors ?? [], ...(lost ? { conflicted: lost } : {}) });
      }
    }
  });
}

export function countQueued(db: FieldLogDb): Promise<number> {
  return db.outbox.count();
}

export async function oldestQueuedAt(db: FieldLogDb): Promise<string | null> {
  const first = await db.outbox.orderBy('seq').first();
  return first?.queuedAt ?? null;
}

/** Outbox items per entry id, for showing each entry's sync state. */
export async function outboxByEntry(db: FieldLogDb): Promise<Map<string, OutboxItem[]>> {
  const map = new Map<string, OutboxItem[]>();
  await db.outbox.each((i) => {
    const list = map.get(i.id);
    if (list) list.push(i);
    else map.set(i.id, [i]);
  });
  return map;
}
