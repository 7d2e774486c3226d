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
import type { FieldLogDb, OutboxItem, Stamp } from './schema.ts';
import { addReceipts } from './receipts.ts';
import { openRecords, type StoredRevision } from './sealed.ts';

export interface QueuedChange {
  item: OutboxItem;
  revision: EntryRevision;
}

const SENDING_KEY = 'outboxSending';

const itemKey = (i: { id: string; rev: number }) => `${i.id}#${i.rev}`;

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
    // Items queued before schema v5 carry no revision: looked up, one request each.
    const older = items.filter((i) => !i.revision);
    const looked = older.length === 0 ? [] : await db.revisions.bulkGet(older.map((i) => [i.id, i.rev] as [string, number]));
    const byKey = new Map(looked.map((r) => [itemKey(r!), r!]));
    return { items, revisions: items.map((i) => i.revision ?? byKey.get(itemKey(i))!) };
  });
  // The push needs the plaintext: opened after the read transaction (sealed.ts).
  const revisions = await openRecords(read.revisions);
  return read.items.map((item, n) => ({ item, revision: revisions[n]! }));
}

/**
 * Mark items as on their way (the UI's "Skickas"). Only the seqs go in the row, without
 * reading the items: an item answered or superseded meanwhile is gone from the outbox,
 * so its seq shows nothing, and it leaves the row with the push's answer or failure.
 */
export async function markSending(appDb: FieldLogDb, seqs: readonly number[]): Promise<void> {
  const db = appDb.bookkeeping();
  await db.transaction('rw', db.meta, async () => {
    const sending = await sendingSeqs(db);
    for (const seq of seqs) sending.add(seq);
    await putSendingSeqs(db, sending);
  });
}

/**
 * Put items that were in flight back in the queue: the given ones (a push that failed),
 * or every item on its way (at the start of a run: what a run that died left unanswered).
 */
export async function requeueSending(appDb: FieldLogDb, seqs?: readonly number[]): Promise<void> {
  const db = appDb.bookkeeping();
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

/**
 * Apply the server's answers: applied and duplicate leave the outbox, and their stamps
 * (server sequence and time) go into one receipt row, folded into the revisions and
 * heads later (receipts.ts); rejected and conflict stay with the reasons. One
 * transaction.
 *
 * `sent`, the items of the push as read, finds each answer's item by its seq: seqs are
 * never reused, so a seq still in the outbox is still the item sent, and which are still
 * there is one key-only range read (no values: an item carries its sealed revision).
 * Only the items that stay (rejected, or sent and not answered, which go back in the
 * queue) are read whole. Without `sent` the items are looked up by (id, rev).
 */
export async function applyPushResults(appDb: FieldLogDb, results: PushResult[], sent?: readonly SentItem[]): Promise<void> {
  // Relaxed: lost in a power cut, the items are pushed again and answered 'duplicate' (schema.ts).
  const db = appDb.bookkeeping();
  await db.transaction('rw', [db.outbox, db.revisions, db.receipts, db.meta], async () => {
    const seqOf = new Map<string, number>();
    const whole = new Map<number, OutboxItem>();
    let range: [first: number, last: number, present: number] | null = null;
    const sendingRead = sendingSeqs(db);
    if (sent) {
      if (sent.length > 0) {
        const seqs = sent.map((i) => i.seq!);
        const [first, last] = [Math.min(...seqs), Math.max(...seqs)];
        const present = new Set(await db.outbox.where('seq').between(first, last, true, true).primaryKeys());
        range = [first, last, present.size];
        for (const i of sent) if (present.has(i.seq!)) seqOf.set(itemKey(i), i.seq!);
      }
    } else {
      for (const i of await db.outbox.where('[id+rev]').anyOf(results.map((r) => [r.id, r.rev])).toArray()) {
        seqOf.set(itemKey(i), i.seq!);
        whole.set(i.seq!, i);
      }
    }
    const answer = new Map(results.filter((r) => seqOf.has(itemKey(r))).map((r) => [itemKey(r), r]));
    const accepted = (r: PushResult | undefined) => r?.status === 'applied' || r?.status === 'duplicate';
    const staying = [...seqOf].filter(([key, seq]) => !accepted(answer.get(key)) && !whole.has(seq)).map(([, seq]) => seq);
    if (staying.length > 0) for (const i of await db.outbox.bulkGet(staying)) if (i) whole.set(i.seq!, i);
    // Keep a copy of what lost a conflict (a pull may replace the local revision with the
    // server's): the item's own, or for an item queued before v5 the stored revision.
    const conflicts = [...answer.values()].filter((r) => r.status === 'conflict' && !whole.get(seqOf.get(itemKey(r))!)?.revision);
    const lost = new Map<string, StoredRevision>();
    if (conflicts.length > 0) {
      for (const rev of await db.revisions.bulkGet(conflicts.map((r) => [r.id, r.rev] as [string, number]))) if (rev) lost.set(itemKey(rev), rev);
    }
    const done: number[] = [];
    const stamps: Stamp[] = [];
    const kept: OutboxItem[] = [];
    for (const [key, seq] of seqOf) {
      const r = answer.get(key);
      const item = whole.get(seq);
      if (r && accepted(r)) {
        done.push(seq);
        if (typeof r.serverSeq === 'number') stamps.push([r.id, r.rev, r.serverSeq, r.serverTime ?? null]);
      } else if (r && item) {
        const conflicted = r.status === 'conflict' ? (item.revision ?? lost.get(key)) : undefined;
        kept.push({ ...item, state: 'rejected', attempts: item.attempts + 1, errors: r.errors ?? [], ...(conflicted ? { conflicted } : {}) });
      } else if (item?.state === 'sending') {
        // Sent but not answered: not the server's word on it, so it waits for the next push
        // (it is no longer on its way once the seqs below leave the row).
        kept.push({ ...item, state: 'queued' });
      }
    }
    const sending = await sendingRead;
    for (const seq of sent ? sent.map((i) => i.seq!) : [...done, ...kept.map((i) => i.seq!)]) sending.delete(seq);
    // Usually every item from the batch's first seq to its last was answered: then one
    // range delete instead of a request per item.
    const wholeRange = range !== null && done.length > 0 && done.length === range[2];
    await Promise.all([
      wholeRange ? db.outbox.where('seq').between(range![0], range![1], true, true).delete() : db.outbox.bulkDelete(done),
      db.outbox.bulkPut(kept),
      addReceipts(db, stamps),
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
