import { describe, expect, it } from 'vitest';
import { FieldLogDb, countQueued, loadDraft, listRevisions, getEntry, saveEntry } from '../../../src/db/index.ts';
import { nextBatch } from '../../../src/db/outbox-push.ts';
import { loadDayCounts } from '../../../src/db/tally-queries.ts';
import { sealLegacyRecords } from '../../../src/db/legacy.ts';
import { LATEST_VERSION } from '../../../src/db/migrations.ts';
import { headOf } from '../../../src/db/entries.ts';
import type { EntryRevision } from '../../../src/domain/entry.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

describe('device schema upgrades', () => {
  it('v1 → latest keeps every entry, revision, queued change and draft, and backfills the new field', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new FieldLogDb(name, 1);
    await v1.open();
    // Records exactly as version 1 of the app wrote them (no localDay).
    const content = trafficCheck({ startedAt: '2024-12-31T23:30:00.000Z' });
    const revision = { id: 'e1', rev: 1, op: 'upsert' as const, content, voidReason: null, officerId: 'o1', deviceId: 'd1', clientTime: content.startedAt, serverTime: null, serverSeq: null };
    // Old versions stored plaintext: written through the untyped tables.
    await v1.table('revisions').add(revision);
    await v1.table('entries').add({ ...revision, tallyKey: `${content.activityId}|traffic_check` });
    await v1.outbox.add({ id: 'e1', rev: 1, officerId: 'o1', state: 'queued', queuedAt: content.startedAt, attempts: 0 });
    await v1.table('drafts').put({ key: 'new:x:lob', value: { place: 'Halvfyllt' }, savedAt: content.startedAt });
    v1.close();

    const latest = new FieldLogDb(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    // v4: what the device held in plaintext is sealed once the PIN has made the key.
    expect(await sealLegacyRecords(latest)).toEqual({ revisions: 1, heads: 1, drafts: 1, conflicted: 0 });
    expect((await getEntry(latest, 'e1'))?.localDay).toBe('2025-01-01');
    expect(await listRevisions(latest, 'e1')).toHaveLength(1);
    expect(await countQueued(latest)).toBe(1);
    expect((await nextBatch(latest, 10))[0]?.revision.id).toBe('e1');
    expect(await loadDraft(latest, 'new:x:lob')).toEqual({ place: 'Halvfyllt' });
    expect(await latest.entries.where('[content.kommunId+localDay]').between(['nassjo', '2025-01-01'], ['nassjo', '2025-12-31'], true, true).count()).toBe(1);
    // v2's upgrade ran before v3's, so the day rows were built from the backfilled day.
    expect(await latest.dayTallies.toArray()).toEqual([
      { kommunId: 'nassjo', day: '2025-01-01', activityId: content.activityId, kind: 'traffic_check', count: 1, sums: { vehiclesChecked: 40, breathTests: 40, reports: 2, suspectedImpaired: 1 } },
    ]);
    latest.close();
  });

  it('v2 → v3 keeps entries, queued changes and drafts, and builds the day tallies from the heads', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v2 = new FieldLogDb(name, 2);
    await v2.open();
    const rev = (id: string, n: number, content = trafficCheck(), op: 'upsert' | 'void' = 'upsert'): EntryRevision => ({
      id, rev: n, op, content, voidReason: op === 'void' ? 'Fel' : null, officerId: 'o1', deviceId: 'd1', clientTime: content.startedAt, serverTime: null, serverSeq: null,
    });
    const small = trafficCheck({ details: { focus: 'allman', vehiclesChecked: 5, breathTests: 1, reports: 0, suspectedImpaired: 0 } });
    const revisions = [
      rev('a', 1), // 2025-03-01, counts
      rev('b', 1, small), // same day and activity: the row holds both
      rev('c', 1), rev('c', 2, trafficCheck(), 'void'), // withdrawn: counts nowhere
      rev('d', 1, lob()), rev('d', 2, lob({ startedAt: '2025-06-30T22:30:00.000Z', details: { under18: 1, age18to21: 0, over21: 2 } })), // corrected into 1 July
      rev('e', 1, trafficCheck({ kommunId: 'tranas', promiseId: 'tranas-2025-exempel', activityId: 'tranas-2025-exempel-a1' })),
    ];
    // Records exactly as version 2 wrote them: every revision, the latest as head with its day.
    await v2.table('revisions').bulkAdd(revisions);
    const heads = new Map(revisions.map((r) => [r.id, headOf(r)]));
    await v2.table('entries').bulkAdd([...heads.values()]);
    await v2.outbox.bulkAdd(revisions.map((r) => ({ id: r.id, rev: r.rev, officerId: 'o1', state: 'queued' as const, queuedAt: r.clientTime, attempts: 0 })));
    await v2.table('drafts').put({ key: 'new:x:lob', value: { place: 'Halvfyllt' }, savedAt: '2025-06-01T08:00:00.000Z' });
    v2.close();

    const v3 = new FieldLogDb(name);
    await v3.open();
    expect(v3.verno).toBe(LATEST_VERSION);
    await sealLegacyRecords(v3);
    expect(await v3.revisions.count()).toBe(revisions.length);
    expect(await v3.entries.count()).toBe(5);
    expect(await countQueued(v3)).toBe(revisions.length);
    expect((await nextBatch(v3, 100)).map((c) => `${c.revision.id}${c.revision.rev}`)).toEqual(['a1', 'b1', 'c1', 'c2', 'd1', 'd2', 'e1']);
    expect(await loadDraft(v3, 'new:x:lob')).toEqual({ place: 'Halvfyllt' });
    expect(await v3.dayTallies.toArray()).toEqual([
      { kommunId: 'nassjo', day: '2025-03-01', activityId: 'nassjo-2025-exempel-a3', kind: 'traffic_check', count: 2, sums: { vehiclesChecked: 45, breathTests: 41, reports: 2, suspectedImpaired: 1 } },
      { kommunId: 'nassjo', day: '2025-07-01', activityId: 'nassjo-2025-exempel-a1', kind: 'lob', count: 1, sums: { under18: 1, age18to21: 0, over21: 2 } },
      { kommunId: 'tranas', day: '2025-03-01', activityId: 'tranas-2025-exempel-a1', kind: 'traffic_check', count: 1, sums: { vehiclesChecked: 40, breathTests: 40, reports: 2, suspectedImpaired: 1 } },
    ]);
    // And the rows go on from there.
    await saveEntry(v3, trafficCheck(), { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-06-01T08:00:00Z') });
    expect((await loadDayCounts(v3, 'nassjo', '2025-03-01', '2025-03-01'))[0]).toMatchObject({ count: 3, sums: { vehiclesChecked: 85 } });
    v3.close();
  });
});
