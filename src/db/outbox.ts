// The queue of revisions waiting for the server. An item leaves only when the server
// has answered for it ('applied' or 'duplicate'); nothing is removed on a guess.
//
// A push in flight is not written into its items: their seqs are kept in one meta row
// (SENDING_KEY), and an item there that is still queued is shown as 'sending'. Marking
// 500 items one by one (a put each, on a store with three indexes) was a fifth of a
// push's device time; the row is one put. Items stored as 'sending' by an app version
// before the row are put back in the queue at the start of a run like the row's.
import type { EntryRevision } from '../domain/entry.ts';
import type { PushResult } from '../domain/sync.ts';
import type { FieldLogDb, OutboxItem, StoredHead } from './schema.ts';
import { openRecords, type StoredRevision } from './sealed.ts';

export interface QueuedChange {
  item: OutboxItem;
  revision: EntryRevision;
}

const SENDING_KEY = 'outboxSending';

async function sendingSeqs(db: FieldLogDb): Promise<Set<number>> {
  return new Set(((await db.meta.get(SENDING_KEY))?.value as number[] | undefined) ?? []);
}

function putSendingSeqs(db: FieldLogDb, seqs: Set<number>): Promise<unknown> {
  return seqs.size === 0 ? db.meta.delete(SENDING_KEY) : db.meta.put({ key: SENDING_KEY, value: [...seqs] });
}

/** An item as the UI shows it: a queued item of a push in flight is 'sending'. */
function shown(item: OutboxItem, sending: Set<number>): OutboxItem {
  return item.state === 'queued' && sending.has(item.seq!) ? { ...item, state: 'sending' } : item;
}

/** Where a read of the outbox starts. */
export interface BatchOptions {
  /**
   * Only items made after this one (by seq). A sync run reads its next batch while the
   * previous one is on the wire; starting after the last seq it took, it can never take
   * an item twice, whatever state the earlier batches are in by then.
   */
  afterSeq?: number;
}

/**
 * The oldest items waiting to be sent, in the order they were made. Only queued ones
 * that are not on their way already (another run's push in flight), and not rejected
 * ones, which wait for a correction. Only the signed-in officer's own revisions go: the
 * server attributes a push to the session's user.
 */
export async function nextBatch(db: FieldLogDb, limit: number, officerId?: string, options: BatchOptions = {}): Promise<QueuedChange[]> {
  const read = await db.transaction('r', db.outbox, db.revisions, db.meta, async () => {
    const sending = await sendingSeqs(db);
    const items: OutboxItem[] = [];
    // Read by key range in chunks (one getAll each) and filtered here: a filtered cursor
    // costs a round trip per item, which for a batch of 500 was most of the read.
    for (let after = options.afterSeq ?? 0; items.length < limit; ) {
      const chunk = await db.outbox.where('seq').above(after).limit(limit).toArray();
      for (const i of chunk) {
        if (items.length < limit && i.state === 'queued' && !sending.has(i.seq!) && (officerId === undefined || i.officerId === officerId)) items.push(i);
      }
      if (chunk.length < limit) break;
      after = chunk[chunk.length - 1]!.seq!;
    }
    const revisions = await db.revisions.bulkGet(items.map((i) => [i.id, i.rev] as [string, number]));
    return { items, revisions };
  });
  // The push needs the plaintext: opened after the read transaction (sealed.ts).
  const revisions = await openRecords(read.revisions.map((r) => r!));
  return read.items.map((item, n) => ({ item, revision: revisions[n]! }));
}

/**
 * The outbox items with the given seqs, by seq. One range read from the lowest to the
 * highest (a batch's seqs are close together; IndexedDB answers a range in one request,
 * a bulkGet with one request per key, which for 500 items cost five times as much).
 */
async function itemsBySeq(db: FieldLogDb, seqs: readonly number[]): Promise<{ bySeq: Map<number, OutboxItem>; range: OutboxItem[] }> {
  if (seqs.length === 0) return { bySeq: new Map(), range: [] };
  const wanted = new Set(seqs);
  const range = await db.outbox.where('seq').between(Math.min(...seqs), Math.max(...seqs), true, true).toArray();
  return { bySeq: new Map(range.filter((i) => wanted.has(i.seq!)).map((i) => [i.seq!, i])), range };
}

/** Mark items as on their way (the UI's "Skickas"). Only items still queued: one answered or superseded meanwhile is not brought back. */
export async function markSending(db: FieldLogDb, seqs: readonly number[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const [{ bySeq }, sending] = await Promise.all([itemsBySeq(db, seqs), sendingSeqs(db)]);
    for (const i of bySeq.values()) if (i.state === 'queued') sending.add(i.seq!);
    await putSendingSeqs(db, sending);
  });
}

/**
 * Put items that were in flight back in the queue: the given ones (a push that failed),
 * or every item on its way (at the start of a run: what a run that died left unanswered).
 */
export async function requeueSending(db: FieldLogDb, seqs?: readonly number[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    if (!seqs) {
      await db.meta.delete(SENDING_KEY);
      await db.outbox.where('state').equals('sending').modify({ state: 'queued' });
      return;
    }
    const sending = await sendingSeqs(db);
    for (const s of seqs) sending.delete(s);
    await putSendingSeqs(db, sending);
  });
}

/** An item as it was sent: where its answer is to be applied. */
export type SentItem = Pick<OutboxItem, 'seq' | 'id' | 'rev'>;

const itemKey = (i: { id: string; rev: number }) => `${i.id}#${i.rev}`;

/**
 * Apply the server's answers: applied and duplicate leave the outbox and stamp the
 * revision with its server sequence; rejected and conflict stay with the reasons.
 * One transaction, bulk reads and writes. `sent`, the items of the push as read, finds
 * each answer's item by its seq (one range read; looking (id, rev) up through the
 * compound index cost 15 times as much), and puts any item the server did not answer
 * back in the queue. Without it the items are looked up by (id, rev).
 */
export async function applyPushResults(db: FieldLogDb, results: PushResult[], sent?: readonly SentItem[]): Promise<void> {
  await db.transaction('rw', [db.outbox, db.revisions, db.entries, db.meta], async () => {
    const keys = results.map((r) => [r.id, r.rev] as [string, number]);
    const [found, revisions, heads, sending] = await Promise.all([
      sent ? itemsBySeq(db, sent.map((i) => i.seq!)) : db.outbox.where('[id+rev]').anyOf(keys).toArray(),
      db.revisions.bulkGet(keys),
      db.entries.bulkGet(results.map((r) => r.id)),
      sendingSeqs(db),
    ]);
    const itemByKey = new Map<string, OutboxItem>();
    if (Array.isArray(found)) for (const item of found) itemByKey.set(itemKey(item), item);
    else {
      for (const s of sent!) {
        // By seq: the item must still be the one sent (it may have been answered meanwhile).
        const item = found.bySeq.get(s.seq!);
        if (item && item.id === s.id && item.rev === s.rev) itemByKey.set(itemKey(item), item);
      }
    }
    const done: number[] = [];
    // Stamps change readable fields only: the seals are kept as they are.
    const stampedRevisions: StoredRevision[] = [];
    const stampedHeads = new Map<string, StoredHead>();
    const kept: OutboxItem[] = [];
    results.forEach((r, n) => {
      const item = itemByKey.get(itemKey(r));
      if (!item) return;
      itemByKey.delete(itemKey(r));
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
        kept.push({ ...item, state: 'rejected', attempts: item.attempts + 1, errors: r.errors ?? [], ...(lost ? { conflicted: lost } : {}) });
      }
    });
    // Sent but not answered: not the server's word on it, so it waits for the next push
    // (it is no longer on its way once the seqs below leave the row).
    if (sent) for (const item of itemByKey.values()) if (item.state === 'sending') kept.push({ ...item, state: 'queued' });
    for (const seq of sent ? sent.map((i) => i.seq!) : [...done, ...kept.map((i) => i.seq!)]) sending.delete(seq);
    // Usually every item from the batch's first seq to its last was answered: then one
    // range delete instead of a request per item.
    const range = Array.isArray(found) ? [] : found.range;
    const wholeRange = done.length > 0 && done.length === range.length;
    await Promise.all([
      wholeRange ? db.outbox.where('seq').between(range[0]!.seq!, range.at(-1)!.seq!, true, true).delete() : db.outbox.bulkDelete(done),
      db.outbox.bulkPut(kept),
      db.revisions.bulkPut(stampedRevisions),
      db.entries.bulkPut([...stampedHeads.values()]),
      putSendingSeqs(db, sending),
    ]);
  });
}

export function countQueued(db: FieldLogDb): Promise<number> {
  return db.outbox.count();
}

export async function oldestQueuedAt(db: FieldLogDb): Promise<string | null> {
  const first = await db.outbox.orderBy('seq').first();
  return first?.queuedAt ?? null;
}

/** countQueued and oldestQueuedAt in one read: what a push or heartbeat reports. */
export async function outboxSummary(db: FieldLogDb): Promise<{ queuedCount: number; oldestQueuedAt: string | null }> {
  return db.transaction('r', db.outbox, async () => {
    const [queuedCount, oldest] = await Promise.all([countQueued(db), oldestQueuedAt(db)]);
    return { queuedCount, oldestQueuedAt: oldest };
  });
}

/** Every outbox item in the order made, each in the state the UI shows (see the top). */
export async function listOutbox(db: FieldLogDb): Promise<OutboxItem[]> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const [items, sending] = await Promise.all([db.outbox.orderBy('seq').toArray(), sendingSeqs(db)]);
    return items.map((i) => shown(i, sending));
  });
}

/** Outbox items per entry id, for showing each entry's sync state. */
export async function outboxByEntry(db: FieldLogDb): Promise<Map<string, OutboxItem[]>> {
  const map = new Map<string, OutboxItem[]>();
  for (const i of await listOutbox(db)) {
    const list = map.get(i.id);
    if (list) list.push(i);
    else map.set(i.id, [i]);
  }
  return map;
}
