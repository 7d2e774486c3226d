// The queue of revisions waiting for the server. An item leaves only when the server
// has answered for it ('applied' or 'duplicate'); nothing is removed on a guess.
//
// An answered item leaves the queue at once and the store later. Its seq goes into one
// meta row (ACKED_KEY, as ranges: seq-ranges.ts) in the transaction that stores the
// answer, and every reader leaves those seqs out, in the same read transaction;
// deleteAcknowledged (outbox-push.ts) deletes the items after the run (foldAfterRun in
// sync/engine.ts). Deleting them while the push waited cost it about 5 % in Chromium: a
// deleted record's value is copied into the transaction's undo log, and LevelDB then
// compacts it, on the two cores the server and the page share (docs/decisions.md).
//
// A push in flight is not written into its items: their seqs are kept in one meta row
// (SENDING_KEY), and an item there that is still queued is shown as 'sending'. Marking
// 500 items one by one (a put each, on a store with three indexes) was a fifth of a
// push's device time; the row is one put. Items stored as 'sending' by an app version
// before the row are put back in the queue at the start of a run like the row's.
//
// Here: the two rows and what the app reads (counts, lists). The push's own steps are in
// outbox-push.ts, which loads with the sync engine rather than with the first screen.
import type { EntryRevision } from '../domain/entry.ts';
import type { FieldLogDb, OutboxItem } from './schema.ts';
import { rangeOf, rangesHave, rangesSize, type SeqRanges } from './seq-ranges.ts';

export interface QueuedChange {
  item: OutboxItem;
  revision: EntryRevision;
}

const SENDING_KEY = 'outboxSending';
const ACKED_KEY = 'outboxAcknowledged';

export const itemKey = (i: { id: string; rev: number }) => `${i.id}#${i.rev}`;

export async function sendingSeqs(db: FieldLogDb): Promise<Set<number>> {
  return new Set(((await db.meta.get(SENDING_KEY))?.value as number[] | undefined) ?? []);
}

export function putSendingSeqs(db: FieldLogDb, seqs: Set<number>): Promise<unknown> {
  return seqs.size === 0 ? db.meta.delete(SENDING_KEY) : db.meta.put({ key: SENDING_KEY, value: [...seqs] });
}

/**
 * The seqs of items answered and not deleted yet. Every one is still in the store: only
 * deleteAcknowledged deletes them, taking them out of the row in the same transaction.
 * The only other delete of an item, a correction's of a rejected one (entries.ts), never
 * meets one: an item answered while marked rejected is deleted at once (applyPushResults).
 */
export async function ackedRanges(db: FieldLogDb): Promise<SeqRanges> {
  return ((await db.meta.get(ACKED_KEY))?.value as SeqRanges | undefined) ?? [];
}

export function putAckedRanges(db: FieldLogDb, ranges: SeqRanges): Promise<unknown> {
  return ranges.length === 0 ? db.meta.delete(ACKED_KEY) : db.meta.put({ key: ACKED_KEY, value: ranges });
}

/** An item as the UI shows it: a queued item of a push in flight is 'sending'. */
function shown(item: OutboxItem, sending: Set<number>): OutboxItem {
  return item.state === 'queued' && sending.has(item.seq!) ? { ...item, state: 'sending' } : item;
}

/** How many items are in the queue (every state). */
export function countQueued(db: FieldLogDb): Promise<number> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    // Every acknowledged seq is still in the store (ackedRanges), so the difference is exact;
    // but for a tab still on an app version from before the row, which deletes answered items
    // itself, until the next fold clears their seqs from the row.
    const [stored, acked] = await Promise.all([db.outbox.count(), ackedRanges(db)]);
    return Math.max(0, stored - rangesSize(acked));
  });
}

export function oldestQueuedAt(db: FieldLogDb): Promise<string | null> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const acked = await ackedRanges(db);
    // Acknowledged items are skipped a range at a time: one read per range, not per item.
    for (let item = await db.outbox.orderBy('seq').first(); item; ) {
      const range = rangeOf(acked, item.seq!);
      if (!range) return item.queuedAt;
      item = await db.outbox.where('seq').above(range[1]).first();
    }
    return null;
  });
}

/** countQueued and oldestQueuedAt in one read: what a push or heartbeat reports. */
export async function outboxSummary(db: FieldLogDb): Promise<{ queuedCount: number; oldestQueuedAt: string | null }> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const [queuedCount, oldest] = await Promise.all([countQueued(db), oldestQueuedAt(db)]);
    return { queuedCount, oldestQueuedAt: oldest };
  });
}

/** Every outbox item in the order made, each in the state the UI shows (see the top). */
export async function listOutbox(db: FieldLogDb): Promise<OutboxItem[]> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const [items, sending, acked] = await Promise.all([db.outbox.orderBy('seq').toArray(), sendingSeqs(db), ackedRanges(db)]);
    return items.filter((i) => !rangesHave(acked, i.seq!)).map((i) => shown(i, sending));
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
