// The db modules with sealing: nothing reads or writes while locked, a record changed on
// disk or moved onto another record raises a clear error, and the write rules still hold
// although sealing happens outside the transaction.
import { beforeEach, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { FieldLogDb, correctEntry, getEntry, listEntries, outboxByEntry, saveEntry, countLive, listRevisions } from '../../../src/db/index.ts';
import { dropDataKey, LockedError } from '../../../src/crypto/keystore.ts';
import { SealError } from '../../../src/crypto/seal.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

const ctx = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-05-01T10:00:00Z') };
let db: FieldLogDb;

beforeEach(async () => {
  db = new FieldLogDb(`sealed-${crypto.randomUUID()}`);
  await db.open();
});

describe('sealed entries', () => {
  it('stores place, note, counts and duration only sealed; the indexes still count', async () => {
    const e = await saveEntry(db, trafficCheck({ place: 'Torget', note: 'lugnt' }), ctx);
    const raw = (await db.entries.get(e.id))!;
    expect(Object.keys(raw.content).sort()).toEqual(['activityId', 'kind', 'kommunId', 'promiseId', 'startedAt', 'utcOffsetMinutes']);
    expect(raw).not.toHaveProperty('voidReason');
    expect(raw.sealed.v).toBe(1);
    expect(await countLive(db, 'nassjo-2025-exempel-a3', ['traffic_check'], '2025-01-01', '2026-01-01')).toBe(1);
    expect((await getEntry(db, e.id))?.content).toEqual(trafficCheck({ place: 'Torget', note: 'lugnt' }));
  });

  it('seals a content field it does not know (the readable ones are a list)', async () => {
    const e = await saveEntry(db, { ...trafficCheck(), witnessCount: 3 } as unknown as ReturnType<typeof trafficCheck>, ctx);
    expect((await db.entries.get(e.id))!.content).not.toHaveProperty('witnessCount');
    expect((await getEntry(db, e.id))?.content).toHaveProperty('witnessCount', 3);
  });

  it('neither saves nor reads while locked', async () => {
    const e = await saveEntry(db, trafficCheck(), ctx);
    dropDataKey();
    await expect(saveEntry(db, trafficCheck(), ctx)).rejects.toBeInstanceOf(LockedError);
    await expect(getEntry(db, e.id)).rejects.toBeInstanceOf(LockedError);
    expect(await db.revisions.count()).toBe(1);
  });

  it('a changed byte on disk: a clear error naming the entry, never garbage', async () => {
    const e = await saveEntry(db, trafficCheck(), ctx);
    await db.entries.where('id').equals(e.id).modify((h) => {
      const b = new Uint8Array(h.sealed.ct.slice(0));
      b[3]! ^= 0xff;
      h.sealed = { ...h.sealed, ct: b.buffer };
    });
    const err = await getEntry(db, e.id).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(SealError);
    expect((err as Error).message).toMatch(new RegExp(`Registreringen ${e.id} \\(version 1\\) kunde inte dekrypteras`));
    await expect(listEntries(db, 'o1')).rejects.toBeInstanceOf(SealError);
  });

  it("one entry's seal copied onto another entry does not open there", async () => {
    const a = await saveEntry(db, trafficCheck({ place: 'A-plats' }), ctx);
    const b = await saveEntry(db, trafficCheck({ place: 'B-plats' }), ctx);
    const sealedA = (await db.entries.get(a.id))!.sealed;
    await db.entries.update(b.id, { sealed: sealedA });
    await expect(getEntry(db, b.id)).rejects.toBeInstanceOf(SealError);
    // Nor an older revision's seal onto the head (the revision number is bound too).
    await correctEntry(db, a.id, trafficCheck({ place: 'A-rättad' }), ctx);
    await db.entries.update(a.id, { sealed: sealedA });
    await expect(getEntry(db, a.id)).rejects.toBeInstanceOf(SealError);
  });

  it('two corrections at once still take revisions 2 and 3 (the seal is made before the transaction)', async () => {
    const e = await saveEntry(db, trafficCheck(), ctx);
    const [x, y] = await Promise.all([
      correctEntry(db, e.id, trafficCheck({ place: 'X' }), ctx),
      correctEntry(db, e.id, trafficCheck({ place: 'Y' }), ctx),
    ]);
    expect([x.rev, y.rev].sort()).toEqual([2, 3]);
    const revisions = await listRevisions(db, e.id);
    expect(revisions.map((r) => r.rev)).toEqual([1, 2, 3]);
    expect((await getEntry(db, e.id))?.content.place).toBe(revisions[2]!.content.place);
  });

  it('a live query that opens entries is still told when the outbox changes', async () => {
    const e = await saveEntry(db, trafficCheck(), ctx);
    const seen: number[] = [];
    const sub = liveQuery(async () => {
      const entries = await listEntries(db, 'o1');
      const outbox = await outboxByEntry(db);
      return outbox.get(entries[0]!.id)?.length ?? 0;
    }).subscribe({ next: (n) => seen.push(n) });
    await expect.poll(() => seen).toEqual([1]);
    await db.outbox.where('id').equals(e.id).delete();
    await expect.poll(() => seen).toEqual([1, 0]);
    sub.unsubscribe();
  });
});
