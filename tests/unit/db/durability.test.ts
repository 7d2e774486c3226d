// Which writes wait for the disk (src/db/schema.ts, bookkeeping()): what the officer typed
// is committed 'strict'; the sync's bookkeeping, which can be had again after a power
// cut, goes through a second connection whose transactions are 'relaxed'.
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, countQueued, foldReceipts, saveEntry, storePulledRevisions, correctEntry, getEntry, type WriteContext } from '../../../src/db/index.ts';
import { applyPushResults, markSending, nextBatch, requeueSending } from '../../../src/db/outbox-push.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

const ctx: WriteContext = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-03-01T08:00:00Z') };
let db: FieldLogDb;
/** The durability of every read-write transaction opened, in order. */
let writes: string[];
const realTransaction = IDBDatabase.prototype.transaction;

beforeEach(async () => {
  writes = [];
  // Before the database is opened: Dexie keeps a connection's transaction method from then.
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const tx = realTransaction.call(this, stores, mode, options);
    if (mode === 'readwrite') writes.push(tx.durability);
    return tx;
  } as typeof realTransaction;
  db = new FieldLogDb(`durability-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(() => {
  IDBDatabase.prototype.transaction = realTransaction;
});

describe('durability of the device’s writes', () => {
  it('a save, a correction and a withdrawal are strict', async () => {
    const { id } = await saveEntry(db, trafficCheck(), ctx);
    await correctEntry(db, id, trafficCheck({ place: 'Torget' }), ctx);
    expect(writes.length).toBeGreaterThan(0);
    expect(new Set(writes)).toEqual(new Set(['strict']));
  });

  it('marking, answering, requeueing, pulling and folding are relaxed', async () => {
    const { id } = await saveEntry(db, trafficCheck(), ctx);
    const [queued] = await nextBatch(db, 10);
    writes = [];
    await markSending(db, [queued!.item.seq!]);
    await requeueSending(db, [queued!.item.seq!]);
    await markSending(db, [queued!.item.seq!]);
    await applyPushResults(db, [{ id, rev: 1, status: 'applied', serverSeq: 7, serverTime: '2025-03-01T08:00:01.000Z' }], [queued!.item]);
    await storePulledRevisions(db, [{ ...(await getEntry(db, id))!, serverSeq: 7, serverTime: '2025-03-01T08:00:01.000Z' }], { key: 'pullCursor', value: 7 });
    await foldReceipts(db);
    expect(writes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(writes)).toEqual(new Set(['relaxed']));
    expect(await countQueued(db)).toBe(0);
    expect((await db.entries.get(id))?.serverSeq).toBe(7);
  });

  it('a write on the bookkeeping connection reaches the app’s live queries', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    const seen: number[] = [];
    const sub = liveQuery(() => countQueued(db)).subscribe((n) => seen.push(n));
    await expect.poll(() => seen).toEqual([1]);
    const [queued] = await nextBatch(db, 10);
    await applyPushResults(db, [{ id: queued!.item.id, rev: 1, status: 'applied', serverSeq: 1, serverTime: '2025-03-01T08:00:01.000Z' }], [queued!.item]);
    await expect.poll(() => seen).toEqual([1, 0]);
    sub.unsubscribe();
  });

  it('closing the app’s connection closes the bookkeeping one, so a wipe can delete the database', async () => {
    const twin = db.bookkeeping();
    await twin.open();
    expect(db.bookkeeping()).toBe(twin);
    db.close();
    expect(twin.isOpen()).toBe(false);
    await db.open();
    expect(db.bookkeeping()).not.toBe(twin);
  });
});
