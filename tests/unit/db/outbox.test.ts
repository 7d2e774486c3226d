// The outbox steps a pipelined push is made of (src/sync/engine.ts): reading after a seq,
// marking, putting back exactly what was in flight, and applying answers by seq.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, saveEntry, correctEntry, getEntry, listRevisions, listOutbox, outboxByEntry, outboxSummary, countQueued, oldestQueuedAt, type WriteContext } from '../../../src/db/index.ts';
import { nextBatch, markSending, requeueSending, applyPushResults, deleteAcknowledged } from '../../../src/db/outbox-push.ts';
import { FOLD_CHUNK } from '../../../src/db/receipts.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
const ctx: WriteContext = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-03-01T08:00:00Z') };
/** The states as the UI shows them. */
const states = async () => (await listOutbox(db)).map((i) => `${i.seq}:${i.state}`);
const applied = (id: string, rev: number, serverSeq: number) => ({ id, rev, status: 'applied' as const, serverSeq, serverTime: '2025-03-01T08:00:01.000Z' });

beforeEach(async () => {
  db = new FieldLogDb(`outbox-${crypto.randomUUID()}`);
  await db.open();
});

async function save(n: number, over: Partial<WriteContext> = {}) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await saveEntry(db, trafficCheck(), { ...ctx, ...over }));
  return out;
}

describe('reading the next batch', () => {
  it('starts after the given seq and takes only queued items of the officer, in order', async () => {
    await save(3);
    await save(1, { officerId: 'o2' });
    await save(3);
    const first = await nextBatch(db, 2, 'o1');
    expect(first.map((c) => c.item.seq)).toEqual([1, 2]);
    // In flight, and one rejected: neither is taken again.
    await markSending(db, [3]);
    await applyPushResults(db, [{ id: (await db.outbox.get(5))!.id, rev: 1, status: 'rejected', errors: [] }]);
    expect((await nextBatch(db, 10, 'o1')).map((c) => c.item.seq)).toEqual([1, 2, 6, 7]);
    expect((await nextBatch(db, 10, 'o1', { afterSeq: 2 })).map((c) => c.item.seq)).toEqual([6, 7]);
    // Reading in chunks past what it skips (other officer, sending, rejected) still fills the batch.
    expect((await nextBatch(db, 2, 'o1', { afterSeq: 2 })).map((c) => c.item.seq)).toEqual([6, 7]);
    expect(await nextBatch(db, 10, 'o1', { afterSeq: 7 })).toEqual([]);
  });

  it('summarises the outbox for the heartbeat in one read', async () => {
    expect(await outboxSummary(db)).toEqual({ queuedCount: 0, oldestQueuedAt: null });
    await save(2);
    expect(await outboxSummary(db)).toEqual({ queuedCount: 2, oldestQueuedAt: '2025-03-01T08:00:00.000Z' });
  });
});

describe('marking and putting back', () => {
  it('marks only queued items, and puts back exactly the seqs it is given', async () => {
    await save(4);
    await applyPushResults(db, [{ id: (await db.outbox.get(4))!.id, rev: 1, status: 'rejected', errors: [] }]);
    await markSending(db, [1, 2, 4]);
    expect(await states()).toEqual(['1:sending', '2:sending', '3:queued', '4:rejected']);
    expect((await outboxByEntry(db)).get((await db.outbox.get(2))!.id)?.[0]?.state).toBe('sending');
    // One row for the whole push: the items themselves are not rewritten.
    expect((await db.outbox.toArray()).map((i) => i.state)).toEqual(['queued', 'queued', 'queued', 'rejected']);
    await markSending(db, [3]);
    await requeueSending(db, [1, 3, 4]);
    // 2 was not given: another run's (or another tab's) item in flight stays as it is.
    expect(await states()).toEqual(['1:queued', '2:sending', '3:queued', '4:rejected']);
    await requeueSending(db);
    expect(await states()).toEqual(['1:queued', '2:queued', '3:queued', '4:rejected']);
  });

  it('a run puts back items an older app version stored as sending', async () => {
    await save(2);
    await db.outbox.update(1, { state: 'sending' });
    expect((await nextBatch(db, 10)).map((c) => c.item.seq)).toEqual([2]);
    await requeueSending(db);
    expect(await states()).toEqual(['1:queued', '2:queued']);
  });

  it('a batch in flight is not taken by another run', async () => {
    await save(3);
    await markSending(db, [1, 2]);
    expect((await nextBatch(db, 10)).map((c) => c.item.seq)).toEqual([3]);
  });
});

describe('applying answers by seq', () => {
  it('removes the answered items, stamps revisions and heads, keeps rejections with reasons', async () => {
    const [a, b, c] = await save(3);
    const batch = await nextBatch(db, 10);
    const sent = batch.map((x) => x.item);
    await markSending(db, sent.map((i) => i.seq!));
    await applyPushResults(db, [applied(a!.id, 1, 11), { id: b!.id, rev: 1, status: 'conflict', errors: [{ field: 'rev', code: 'rev_exists', message: 'x' }] }, applied(c!.id, 1, 12)], sent);
    expect(await states()).toEqual(['2:rejected']);
    const kept = (await db.outbox.get(2))!;
    expect(kept.errors).toEqual([{ field: 'rev', code: 'rev_exists', message: 'x' }]);
    expect(kept.attempts).toBe(1);
    expect(kept.conflicted?.rev).toBe(1);
    expect((await getEntry(db, a!.id))?.serverSeq).toBe(11);
    expect((await listRevisions(db, c!.id))[0]?.serverSeq).toBe(12);
    expect((await getEntry(db, b!.id))?.serverSeq).toBeNull();
  });

  it('puts an item the server did not answer back in the queue', async () => {
    const [a] = await save(2);
    const sent = (await nextBatch(db, 10)).map((x) => x.item);
    await markSending(db, sent.map((i) => i.seq!));
    await applyPushResults(db, [applied(a!.id, 1, 5)], sent);
    expect(await states()).toEqual(['2:queued']);
  });

  it('never brings back an item answered meanwhile, and stamps only the head it answered', async () => {
    const [a, b] = await save(2);
    const sent = (await nextBatch(db, 10)).map((x) => x.item);
    await markSending(db, sent.map((i) => i.seq!));
    // Another tab's run stored the answer for a first; the officer corrected b meanwhile.
    await applyPushResults(db, [applied(a!.id, 1, 5)]);
    await correctEntry(db, b!.id, lob(), ctx);
    await applyPushResults(db, [applied(a!.id, 1, 5), applied(b!.id, 1, 6)], sent);
    expect(await listOutbox(db)).toMatchObject([{ id: b!.id, rev: 2, state: 'queued' }]);
    expect(await deleteAcknowledged(db)).toBe(2);
    expect(await db.outbox.toArray()).toMatchObject([{ id: b!.id, rev: 2, state: 'queued' }]);
    expect((await getEntry(db, b!.id))).toMatchObject({ rev: 2, serverSeq: null });
    expect((await listRevisions(db, b!.id)).map((r) => r.serverSeq)).toEqual([6, null]);
  });

  it('deletes only the answered items when others lie between the batch’s seqs', async () => {
    const [a] = await save(1);
    await save(1, { officerId: 'o2' });
    const [c] = await save(1);
    const sent = (await nextBatch(db, 10, 'o1')).map((x) => x.item);
    expect(sent.map((i) => i.seq)).toEqual([1, 3]);
    await markSending(db, [1, 3]);
    await applyPushResults(db, [applied(a!.id, 1, 1), applied(c!.id, 1, 2)], sent);
    expect(await states()).toEqual(['2:queued']);
  });
});

describe('answered items before the fold deletes them', () => {
  it('are out of the queue for every reader at once, and out of the store after the fold', async () => {
    const [a, b] = await save(3);
    const sent = (await nextBatch(db, 2)).map((x) => x.item);
    await markSending(db, sent.map((i) => i.seq!));
    await applyPushResults(db, [applied(a!.id, 1, 1), applied(b!.id, 1, 2)], sent);
    // Still stored, out of the queue.
    expect(await db.outbox.count()).toBe(3);
    expect(await states()).toEqual(['3:queued']);
    expect(await countQueued(db)).toBe(1);
    expect(await outboxSummary(db)).toEqual({ queuedCount: 1, oldestQueuedAt: (await db.outbox.get(3))!.queuedAt });
    expect([...(await outboxByEntry(db)).keys()]).toEqual([(await db.outbox.get(3))!.id]);
    expect((await nextBatch(db, 10)).map((c) => c.item.seq)).toEqual([3]);
    expect(await deleteAcknowledged(db)).toBe(2);
    expect((await db.outbox.toArray()).map((i) => i.seq)).toEqual([3]);
    expect(await countQueued(db)).toBe(1);
    expect(await deleteAcknowledged(db)).toBe(0);
  });

  it('the oldest waiting is the first not answered, and none when all were', async () => {
    const saved = await save(3);
    const sent = (await nextBatch(db, 10)).map((x) => x.item);
    await applyPushResults(db, saved.slice(0, 2).map((e, n) => applied(e.id, 1, n + 1)), sent.slice(0, 2));
    expect(await oldestQueuedAt(db)).toBe((await db.outbox.get(3))!.queuedAt);
    await applyPushResults(db, [applied(saved[2]!.id, 1, 3)], sent.slice(2));
    expect(await oldestQueuedAt(db)).toBeNull();
    expect(await countQueued(db)).toBe(0);
  });

  it('are acknowledged once when the same answer is applied twice', async () => {
    const [a, b] = await save(2);
    const sent = (await nextBatch(db, 10)).map((x) => x.item);
    const answer = [applied(a!.id, 1, 1), applied(b!.id, 1, 2)];
    await applyPushResults(db, answer, sent);
    await applyPushResults(db, answer, sent);
    await applyPushResults(db, answer);
    expect(await countQueued(db)).toBe(0);
    expect(await deleteAcknowledged(db)).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await countQueued(db)).toBe(0);
  });

  it('an item answered while marked rejected (another tab’s answer) is deleted at once, so a correction cannot delete one the row names', async () => {
    const [a] = await save(1);
    await applyPushResults(db, [{ id: a!.id, rev: 1, status: 'rejected', errors: [] }]);
    await applyPushResults(db, [applied(a!.id, 1, 7)]);
    expect(await db.outbox.count()).toBe(0);
    expect(await countQueued(db)).toBe(0);
    await correctEntry(db, a!.id, lob(), ctx);
    expect(await countQueued(db)).toBe(1);
    expect(await deleteAcknowledged(db)).toBe(0);
    expect(await states()).toEqual(['2:queued']);
  });

  it('are deleted a chunk per transaction; cut short, the next call goes on from there', async () => {
    const saved = await save(FOLD_CHUNK + 20);
    const sent = (await nextBatch(db, FOLD_CHUNK + 20)).map((x) => x.item);
    // One item in the middle is rejected: it stays, between two runs of answered ones.
    await applyPushResults(db, saved.map((e, n) => (n === 10 ? { id: e.id, rev: 1, status: 'rejected' as const, errors: [] } : applied(e.id, 1, n + 1))), sent);
    const meta = db.bookkeeping().meta;
    const original = meta.put.bind(meta);
    let calls = 0;
    meta.put = ((...args: Parameters<typeof original>) => (++calls === 2 ? Promise.reject(new Error('closed')) : original(...args))) as typeof original;
    await expect(deleteAcknowledged(db)).rejects.toThrow('closed');
    meta.put = original;
    // Seqs 1-10 went in the first transaction; the second was undone whole.
    expect(await db.outbox.count()).toBe(FOLD_CHUNK + 10);
    expect(await states()).toEqual(['11:rejected']);
    expect(await deleteAcknowledged(db)).toBe(FOLD_CHUNK + 9);
    expect((await db.outbox.toArray()).map((i) => `${i.seq}:${i.state}`)).toEqual(['11:rejected']);
  });
});
