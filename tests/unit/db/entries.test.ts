import { beforeEach, describe, expect, it } from 'vitest';
import {
  FieldLogDb,
  saveEntry,
  correctEntry,
  voidEntry,
  EntryWithdrawnError,
  listRevisions,
  listEntries,
  countLive,
  countQueued,
  storePulledRevisions,
  getEntry,
  type WriteContext,
} from '../../../src/db/index.ts';
import { nextBatch, applyPushResults, markSending, requeueSending } from '../../../src/db/outbox-push.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
let clock = Date.parse('2025-03-01T08:00:00Z');
const ctx: WriteContext = { officerId: 'officer-1', deviceId: 'device-1', now: () => clock };

beforeEach(async () => {
  db = new FieldLogDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('saving an entry', () => {
  it('writes the revision, the head and the outbox item together', async () => {
    const saved = await saveEntry(db, trafficCheck(), ctx);
    expect(saved.rev).toBe(1);
    expect(await listRevisions(db, saved.id)).toHaveLength(1);
    expect((await getEntry(db, saved.id))?.tallyKey).toBe('nassjo-2025-exempel-a3|traffic_check');
    expect(await countQueued(db)).toBe(1);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const first = await saveEntry(db, trafficCheck(), { ...ctx, newId: () => 'fixed-id' });
    // Same id again: the revision insert fails on its primary key, so no head or outbox item may change.
    await expect(saveEntry(db, lob(), { ...ctx, newId: () => 'fixed-id' })).rejects.toThrow();
    expect(await countQueued(db)).toBe(1);
    expect((await getEntry(db, first.id))?.content.kind).toBe('traffic_check');
  });
});

describe('corrections and voids', () => {
  it('keeps every revision and makes the newest the head', async () => {
    const saved = await saveEntry(db, trafficCheck(), ctx);
    clock += 60_000;
    await correctEntry(db, saved.id, trafficCheck({ place: 'Rv 40' }), ctx);
    const revisions = await listRevisions(db, saved.id);
    expect(revisions.map((r) => r.rev)).toEqual([1, 2]);
    expect(revisions[0]!.content.place).toBe('Rv 31 norr');
    expect((await getEntry(db, saved.id))?.content.place).toBe('Rv 40');
    expect(await countQueued(db)).toBe(2);
  });

  it('a voided entry keeps its history and stops counting', async () => {
    const saved = await saveEntry(db, trafficCheck(), ctx);
    const range = ['2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'] as const;
    expect(await countLive(db, 'nassjo-2025-exempel-a3', ['traffic_check'], ...range)).toBe(1);
    await voidEntry(db, saved.id, 'Dubbelregistrering', ctx);
    expect(await countLive(db, 'nassjo-2025-exempel-a3', ['traffic_check'], ...range)).toBe(0);
    const revisions = await listRevisions(db, saved.id);
    expect(revisions.at(-1)).toMatchObject({ op: 'void', voidReason: 'Dubbelregistrering', rev: 2 });
    expect((await getEntry(db, saved.id))?.content.place).toBe('Rv 31 norr');
    // Final, as on the server: neither a correction nor a second withdrawal is stored.
    await expect(correctEntry(db, saved.id, trafficCheck(), ctx)).rejects.toBeInstanceOf(EntryWithdrawnError);
    await expect(voidEntry(db, saved.id, 'Igen', ctx)).rejects.toBeInstanceOf(EntryWithdrawnError);
    expect(await listRevisions(db, saved.id)).toHaveLength(2);
  });

  it('counts only entries inside the window', async () => {
    await saveEntry(db, trafficCheck({ startedAt: '2024-12-31T22:59:59.000Z' }), ctx); // 23:59 local, 2024
    await saveEntry(db, trafficCheck({ startedAt: '2024-12-31T23:00:00.000Z' }), ctx); // 00:00 local, 2025
    expect(await countLive(db, 'nassjo-2025-exempel-a3', ['traffic_check'], '2024-12-31T23:00:00.000Z', '2025-12-31T23:00:00.000Z')).toBe(1);
  });

  it('lists the officer’s own entries newest first', async () => {
    await saveEntry(db, trafficCheck({ startedAt: '2025-03-01T07:00:00.000Z' }), ctx);
    await saveEntry(db, lob({ startedAt: '2025-03-02T07:00:00.000Z' }), ctx);
    await saveEntry(db, lob(), { ...ctx, officerId: 'someone-else' });
    const list = await listEntries(db, 'officer-1');
    expect(list.map((e) => e.content.startedAt)).toEqual(['2025-03-02T07:00:00.000Z', '2025-03-01T07:00:00.000Z']);
  });
});

describe('the outbox', () => {
  it('leaves only on the server’s receipt and keeps rejected items with reasons', async () => {
    const a = await saveEntry(db, trafficCheck(), ctx);
    const b = await saveEntry(db, lob(), ctx);
    const batch = await nextBatch(db, 10);
    expect(batch.map((c) => c.revision.id)).toEqual([a.id, b.id]);
    await markSending(db, batch.map((c) => c.item.seq!));
    await applyPushResults(db, [
      { id: a.id, rev: 1, status: 'applied', serverSeq: 7, serverTime: '2025-03-01T08:00:01.000Z' },
      { id: b.id, rev: 1, status: 'rejected', errors: [{ field: 'note', code: 'personal_data', message: 'x' }] },
    ]);
    expect(await countQueued(db)).toBe(1);
    expect((await getEntry(db, a.id))?.serverSeq).toBe(7);
    expect(await nextBatch(db, 10)).toHaveLength(0); // the rejected one waits for a correction
    await correctEntry(db, b.id, lob({ note: '' }), ctx);
    const retry = await nextBatch(db, 10);
    expect(retry.map((c) => [c.revision.id, c.revision.rev])).toEqual([[b.id, 2]]);
  });

  it('puts in-flight items back after a failed push', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    const batch = await nextBatch(db, 10);
    await markSending(db, batch.map((c) => c.item.seq!));
    await requeueSending(db);
    expect((await nextBatch(db, 10))[0]?.item.state).toBe('queued');
  });

  it('withdrawing an entry the server never accepted stays on the device', async () => {
    const a = await saveEntry(db, trafficCheck(), ctx);
    await applyPushResults(db, [{ id: a.id, rev: 1, status: 'rejected', errors: [] }]);
    await voidEntry(db, a.id, 'Fel kommun', ctx);
    expect(await countQueued(db)).toBe(0);
    expect((await getEntry(db, a.id))?.op).toBe('void');
  });
});

describe('pulled revisions', () => {
  it('adds other devices’ revisions and keeps the newest as head', async () => {
    const a = await saveEntry(db, trafficCheck(), ctx);
    const rev2 = { ...(await getEntry(db, a.id))!, rev: 2, op: 'void' as const, voidReason: 'Fel', serverSeq: 9, serverTime: 'x', deviceId: 'device-2' };
    delete (rev2 as { tallyKey?: string }).tallyKey;
    await storePulledRevisions(db, [rev2]);
    expect((await getEntry(db, a.id))?.op).toBe('void');
    expect(await listRevisions(db, a.id)).toHaveLength(2);
  });
});
