// The outbox steps of a push (sync/engine.ts): reading the next batch, marking it on its
// way, putting it back, storing the server's answers, and deleting what was answered.
// Apart from outbox.ts, whose readers the app's first screen needs, so that this code
// loads with the sync engine, after the log screen. outbox.ts says how the queue works.
import type { PushResult } from '../domain/sync.ts';
import type { FieldLogDb, OutboxItem, Stamp } from './schema.ts';
import { ackedRanges, itemKey, putAckedRanges, putSendingSeqs, sendingSeqs, type QueuedChange } from './outbox.ts';
import { FOLD_CHUNK, addReceipts } from './receipts.ts';
import { addSeqs, rangesHave, removeSeqRange } from './seq-ranges.ts';
import { openRecords, type StoredRevision } from './sealed.ts';

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
    const [sending, acked] = await Promise.all([sendingSeqs(db), ackedRanges(db)]);
    const items: OutboxItem[] = [];
    // Read by key range in chunks (one getAll each) and filtered here: a filtered cursor
    // costs a round trip per item, which for a batch of 500 was most of the read.
    for (let after = options.afterSeq ?? 0; items.length < limit; ) {
      const chunk = await db.outbox.where('seq').above(after).limit(limit).toArray();
      for (const i of chunk) {
        if (items.length < limit && i.state === 'queued' && !sending.has(i.seq!) && !rangesHave(acked, i.seq!) && (officerId === undefined || i.officerId === officerId)) items.push(i);
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
      await putSendingSeqs(db, new Set());
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
 * Apply the server's answers: applied and duplicate leave the queue (their seqs into the
 * acknowledged row: outbox.ts), and their stamps (server sequence and time) go into
 * one receipt row, folded into the revisions and heads later (receipts.ts); rejected
 * and conflict stay with the reasons. One transaction.
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
    const sendingRead = sendingSeqs(db);
    // An item already acknowledged (an answer applied twice) is not acknowledged again.
    const acked = await ackedRanges(db);
    if (sent) {
      if (sent.length > 0) {
        const seqs = sent.map((i) => i.seq!);
        const present = new Set(await db.outbox.where('seq').between(Math.min(...seqs), Math.max(...seqs), true, true).primaryKeys());
        for (const i of sent) if (present.has(i.seq!) && !rangesHave(acked, i.seq!)) seqOf.set(itemKey(i), i.seq!);
      }
    } else {
      for (const i of await db.outbox.where('[id+rev]').anyOf(results.map((r) => [r.id, r.rev])).toArray()) {
        if (rangesHave(acked, i.seq!)) continue;
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
    // The answered items are not deleted here (outbox.ts says why): their seqs take them
    // out of the queue. But for one marked rejected meanwhile (an answer for it stored by another
    // tab's run): a correction may delete that one, so it goes now.
    const wasRejected = done.filter((seq) => whole.get(seq)?.state === 'rejected');
    const ack = done.filter((seq) => whole.get(seq)?.state !== 'rejected');
    await Promise.all([
      db.outbox.bulkPut(kept),
      db.outbox.bulkDelete(wasRejected),
      addReceipts(db, stamps),
      putSendingSeqs(db, sending),
      ack.length > 0 && putAckedRanges(db, addSeqs(acked, ack)),
    ]);
  });
}

/**
 * Delete the items answered (outbox.ts), FOLD_CHUNK per transaction so that a save
 * waiting behind waits little. After a sync run, with the fold. Resumable: the row
 * shrinks with each transaction. Returns how many were deleted.
 */
export async function deleteAcknowledged(appDb: FieldLogDb): Promise<number> {
  // Relaxed: lost in a power cut, the seqs are still in the row and deleted next time (schema.ts).
  const db = appDb.bookkeeping();
  let deleted = 0;
  for (;;) {
    const done = await db.transaction('rw', db.outbox, db.meta, async () => {
      const acked = await ackedRanges(db);
      const [first, end] = acked[0] ?? [];
      if (first === undefined || end === undefined) return -1;
      const last = Math.min(end, first + FOLD_CHUNK - 1);
      // Every seq in the range is an acknowledged item or none at all (seqs are never reused).
      await Promise.all([db.outbox.where('seq').between(first, last, true, true).delete(), putAckedRanges(db, removeSeqRange(acked, first, last))]);
      return last - first + 1;
    });
    if (done < 0) return deleted;
    deleted += done;
  }
}
