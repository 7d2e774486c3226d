// The server's receipts (src/db/receipts.ts): one row per answered push, read through by
// every reader until the fold stamps the records, and the outbox items that carry their
// sealed revision so a push reads one store.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, correctEntry, foldReceipts, getEntry, listEntries, listRevisions, saveEntry, storePulledRevisions, voidEntry, countQueued, type WriteContext } from '../../../src/db/index.ts';
import { applyPushResults, markSending, nextBatch } from '../../../src/db/outbox-push.ts';
import { entriesBehind } from '../../../src/db/tally-queries.ts';
import { FOLD_CHUNK } from '../../../src/db/receipts.ts';
import type { PushResult } from '../../../src/domain/sync.ts';
import { entrySyncState } from '../../../src/ui/features/entries/syncState.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
const ctx: WriteContext = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-03-01T08:00:00Z') };
const at = (n: number) => `2025-03-01T08:00:${String(n % 60).padStart(2, '0')}.000Z`;
const applied = (id: string, rev: number, serverSeq: number): PushResult => ({ id, rev, status: 'applied', serverSeq, serverTime: at(serverSeq) });

beforeEach(async () => {
  db = new FieldLogDb(`receipts-${crypto.randomUUID()}`);
  await db.open();
});

/** Save n entries and push them all, answered applied with seqs 1..n. */
async function pushed(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await saveEntry(db, trafficCheck(), ctx)).id);
  const batch = await nextBatch(db, n);
  const sent = batch.map((c) => c.item);
  await markSending(db, sent.map((i) => i.seq!));
  await applyPushResults(db, ids.map((id, i) => applied(id, 1, i + 1)), sent);
  return ids;
}

describe('receipts of a push', () => {
  it('are one row, not a rewrite of each record, and every reader sees the stamps at once', async () => {
    const [a, b] = await pushed(2);
    expect(await db.receipts.count()).toBe(1);
    expect(await countQueued(db)).toBe(0);
    // As stored: not stamped yet.
    expect((await db.entries.get(a!))?.serverSeq).toBeNull();
    expect((await db.revisions.get([a!, 1]))?.serverSeq).toBeNull();
    // As read: stamped.
    expect(await getEntry(db, a!)).toMatchObject({ serverSeq: 1, serverTime: at(1) });
    expect((await listRevisions(db, b!))[0]).toMatchObject({ serverSeq: 2, serverTime: at(2) });
    expect((await listEntries(db, 'o1')).map((e) => e.serverSeq).sort()).toEqual([1, 2]);
    const head = (await getEntry(db, a!))!;
    expect((await entriesBehind(db, { kommunId: head.content.kommunId, activityId: head.content.activityId, from: head.localDay, to: head.localDay })).map((e) => e.serverSeq).sort()).toEqual([1, 2]);
    expect(entrySyncState(head, undefined)).toBe('server');
  });

  it('are folded into the records and the rows removed; a record stamped meanwhile or moved on is left as it is', async () => {
    const [a, b, c] = await pushed(3);
    // b's head moved on to revision 2 (not sent yet); c came back from the server by a pull first.
    await correctEntry(db, b!, lob(), ctx);
    const pulledC = { ...(await getEntry(db, c!))!, serverSeq: 3, serverTime: 'from the pull' };
    await storePulledRevisions(db, [pulledC]);
    expect(await foldReceipts(db)).toBe(3);
    expect(await db.receipts.count()).toBe(0);
    expect((await db.entries.get(a!))?.serverSeq).toBe(1);
    expect((await db.revisions.get([a!, 1]))?.serverSeq).toBe(1);
    expect((await db.revisions.get([b!, 1]))?.serverSeq).toBe(2);
    expect(await db.entries.get(b!)).toMatchObject({ rev: 2, serverSeq: null });
    expect(await getEntry(db, b!)).toMatchObject({ rev: 2, serverSeq: null });
    expect(await foldReceipts(db)).toBe(0);
  });

  it('a fold cut short goes on from where it stopped', async () => {
    const ids = await pushed(FOLD_CHUNK + 20);
    // The fold writes through the bookkeeping connection (schema.ts).
    const table = db.bookkeeping().revisions;
    const original = table.bulkPut.bind(table);
    let calls = 0;
    table.bulkPut = ((...args: Parameters<typeof original>) => (++calls === 2 ? Promise.reject(new Error('closed')) : original(...args))) as typeof original;
    await expect(foldReceipts(db)).rejects.toThrow('closed');
    table.bulkPut = original;
    // The first chunk is stamped and gone from the row; the rest still reads through.
    expect((await db.receipts.toArray())[0]?.stamps).toHaveLength(20);
    expect((await db.entries.get(ids[0]!))?.serverSeq).toBe(1);
    expect((await db.entries.get(ids.at(-1)!))?.serverSeq).toBeNull();
    expect((await getEntry(db, ids.at(-1)!))?.serverSeq).toBe(FOLD_CHUNK + 20);
    expect(await foldReceipts(db)).toBe(20);
    expect((await db.entries.get(ids.at(-1)!))?.serverSeq).toBe(FOLD_CHUNK + 20);
  });

  it('the device’s own revisions coming back in a pull are not written again', async () => {
    const [a] = await pushed(1);
    const before = (await db.entries.get(a!))!;
    await storePulledRevisions(db, [(await getEntry(db, a!))!]);
    // Same seal, still unstamped as stored: skipped by its receipt, not sealed and put again.
    const after = (await db.entries.get(a!))!;
    expect(after.sealed).toEqual(before.sealed);
    expect(after.serverSeq).toBeNull();
    await foldReceipts(db);
    expect((await db.entries.get(a!))?.serverSeq).toBe(1);
  });

  it('withdrawing an entry whose first revision the server has (receipt not folded) is sent, not kept local', async () => {
    const [a] = await pushed(1);
    await correctEntry(db, a!, trafficCheck({ place: 'Fel ort' }), ctx);
    await applyPushResults(db, [{ id: a!, rev: 2, status: 'rejected', errors: [] }]);
    await voidEntry(db, a!, 'Fel kommun', ctx);
    expect((await nextBatch(db, 10)).map((c) => [c.revision.rev, c.revision.op])).toEqual([[3, 'void']]);
  });
});

describe('outbox items carry their revision', () => {
  it('so a push reads the outbox alone, and a conflict keeps the officer’s own revision', async () => {
    const a = await saveEntry(db, trafficCheck({ place: 'Min plats' }), ctx);
    const item = (await db.outbox.toArray())[0]!;
    expect(item.revision?.sealed).toEqual((await db.revisions.get([a.id, 1]))?.sealed);
    // A pull replaced revision 1 with another device's of the same number.
    await storePulledRevisions(db, [{ ...a, content: trafficCheck({ place: 'Annan plats' }), deviceId: 'd2', serverSeq: 5, serverTime: at(5) }]);
    const [change] = await nextBatch(db, 10);
    expect(change?.revision.content.place).toBe('Min plats');
    await applyPushResults(db, [{ id: a.id, rev: 1, status: 'conflict', errors: [{ field: 'rev', code: 'rev_exists', message: 'x' }] }], [change!.item]);
    const kept = (await db.outbox.toArray())[0]!;
    expect(kept.state).toBe('rejected');
    expect(kept.conflicted?.sealed).toEqual(item.revision?.sealed);
  });
});
