import { describe, expect, it } from 'vitest';
import { FieldLogDb, countQueued, loadDraft, nextBatch, listRevisions, getEntry } from '../../../src/db/index.ts';
import { LATEST_VERSION } from '../../../src/db/migrations.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

describe('device schema upgrades', () => {
  it('v1 → latest keeps every entry, revision, queued change and draft, and backfills the new field', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new FieldLogDb(name, 1);
    await v1.open();
    // Records exactly as version 1 of the app wrote them (no localDay).
    const content = trafficCheck({ startedAt: '2024-12-31T23:30:00.000Z' });
    const revision = { id: 'e1', rev: 1, op: 'upsert' as const, content, voidReason: null, officerId: 'o1', deviceId: 'd1', clientTime: content.startedAt, serverTime: null, serverSeq: null };
    await v1.revisions.add(revision);
    await v1.table('entries').add({ ...revision, tallyKey: `${content.activityId}|traffic_check` });
    await v1.outbox.add({ id: 'e1', rev: 1, officerId: 'o1', state: 'queued', queuedAt: content.startedAt, attempts: 0 });
    await v1.drafts.put({ key: 'new:x:lob', value: { place: 'Halvfyllt' }, savedAt: content.startedAt });
    v1.close();

    const latest = new FieldLogDb(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    expect((await getEntry(latest, 'e1'))?.localDay).toBe('2025-01-01');
    expect(await listRevisions(latest, 'e1')).toHaveLength(1);
    expect(await countQueued(latest)).toBe(1);
    expect((await nextBatch(latest, 10))[0]?.revision.id).toBe('e1');
    expect(await loadDraft(latest, 'new:x:lob')).toEqual({ place: 'Halvfyllt' });
    expect(await latest.entries.where('[content.kommunId+localDay]').between(['nassjo', '2025-01-01'], ['nassjo', '2025-12-31'], true, true).count()).toBe(1);
    latest.close();
  });
});
