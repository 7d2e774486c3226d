// The queue of revisions waiting for the server. An item leaves only when the server
// has answered for it ('applied' or 'duplicate'); nothing is removed on a guess.
import type { EntryRevision } from '../domain/entry.ts';
import type { PushResult } from '../domain/sync.ts';
import type { EntryHead, FieldLogDb, OutboxItem } from './schema.ts';

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
  await db.outbox.where('seq').anyOf(seqs).modify((i) => {
    i.state = 'sending';
    i.attempts += 1;
  });
}

/** Put items that were in flight when a push failed (or the app died) back in the queue. */
export async function requeueSending(db: FieldLogDb): Promise<void> {
  await db.outbox.where('state').equals('sending').modify({ state: 'queued' });
}

/**
 * Apply the server's answers: applied and duplicate leave the outbox and stamp the
 * revision with its server sequence; rejected and conflict stay with the reasons.
 * One transaction, bulk reads and writes: a batch of 100 answers costs a few requests.
 */
export async function applyPushResults(db: FieldLogDb, results: PushResult[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.revisions, db.entries, async () => {
    const keys = results.map((r) => [r.id, r.rev] as [string, number]);
    const items = await db.outbox.where('[id+rev]').anyOf(keys).toArray();
    const itemByKey = new Map(items.map((i) => [`${i.id}#${i.rev}`, i]));
    const revisions = await db.revisions.bulkGet(keys);
    const heads = await db.entries.bulkGet(results.map((r) => r.id));
    const done: number[] = [];
    const stampedRevisions: EntryRevision[] = [];
    const stampedHeads = new Map<string, EntryHead>();
    const rejected: OutboxItem[] = [];
    results.forEach((r, n) => {
      const item = itemByKey.get(`${r.id}#${r.rev}`);
      if (!item) return;
      const revision = revisions[n];
      if (r.status === 'applied' || r.status === 'duplicate') {
        done.push(item.seq!);
        const stamp = { serverSeq: r.serverSeq ?? null, serverTime: r.serverTime ?? null };
        if (revision) stampedRevisions.push({ ...revision, ...stamp });
        const head = stampedHeads.get(r.id) ?? heads[n];
        if (head && head.rev === r.rev) stampedHeads.set(r.id, { ...head, ...stamp });
      } else {
        // Keep a copy of what lost a conflict: a pull may replace the local revision with the server's.
        const lost = r.status === 'conflict' ? revision : undefined;
        rejected.push({ ...item, state: 'rejected', errors: r.errors ?? [], ...(lost ? { conflicted: lost } : {}) });
      }
    });
    await db.outbox.bulkDelete(done);
    await db.outbox.bulkPut(rejected);
    await db.revisions.bulkPut(stampedRevisions);
    await db.entries.bulkPut([...stampedHeads.values()]);
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
