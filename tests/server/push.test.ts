// POST /api/v1/sync/push: applied, duplicate, conflict, rejected, and the rules about
// revisions (rev = head + 1, own entries only, a void keeps history).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, counts, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupWorld, trafficEntry, upsert, voidChange, T0, type World } from './support/fixtures.ts';
import { DEFAULT_BODY_LIMIT } from '../../server/http/app.ts';
import { MAX_PUSH_BATCH, PUSH_BODY_LIMIT, type PushResponse } from '../../src/domain/sync.ts';
import { LIMITS } from '../../src/domain/limits.ts';
import { fitsInBody } from '../../src/sync/pack.ts';

describeBackends('push', (backend) => {
  let t: TestDb;
  let world: World;
  let api: Api;
  let officer: string;
  let colleague: string;
  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    officer = await api.token('officerA');
    colleague = await api.token('officerA2');
  });
  afterAll(() => t.close());

  it('applies a new entry and answers a replay as duplicate with the original serverSeq and serverTime', async () => {
    const change = upsert();
    const [first] = await api.pushOk(officer, [change]);
    expect(first).toMatchObject({ id: change.id, rev: 1, status: 'applied', serverTime: new Date(T0).toISOString() });
    expect(first!.serverSeq).toBeGreaterThan(0);
    // Keys in another order are the same change.
    const reordered = Object.fromEntries(Object.entries(change).reverse()) as typeof change;
    const [again] = await api.pushOk(officer, [reordered]);
    expect(again).toEqual({ ...first, status: 'duplicate' });
    const [head] = await t.db.query<{ rev: number; officer_id: string; voided: boolean }>('SELECT rev, officer_id, voided FROM entries WHERE id = $1', [change.id]);
    expect(head).toEqual({ rev: 1, officer_id: world.officerA.id, voided: false });
  });

  it('answers the same (id, rev) with other content as conflict', async () => {
    const change = upsert();
    await api.pushOk(officer, [change]);
    const [res] = await api.pushOk(officer, [{ ...change, entry: trafficEntry({ place: 'Annan plats' }) }]);
    expect(res).toMatchObject({ status: 'conflict', errors: [{ field: 'rev', code: 'rev_exists' }] });
    expect(res!.serverSeq).toBeUndefined();
  });

  it('takes the largest batches the app sends: MAX_PUSH_BATCH changes, or as many of the longest as fit its body limit', async () => {
    // The app splits by PUSH_BODY_LIMIT (src/sync/pack.ts): the server must take at least that much.
    expect(DEFAULT_BODY_LIMIT).toBeGreaterThanOrEqual(PUSH_BODY_LIMIT);
    const full = Array.from({ length: MAX_PUSH_BATCH }, () => upsert());
    expect(fitsInBody(full)).toBe(MAX_PUSH_BATCH);
    const applied = await api.pushOk(officer, full);
    expect(applied.filter((r) => r.status === 'applied')).toHaveLength(MAX_PUSH_BATCH);
    // Every text at its longest, in two-byte letters: a body of 500 would be over the limit.
    const longest = Array.from({ length: MAX_PUSH_BATCH }, () => upsert(trafficEntry({ place: 'å'.repeat(LIMITS.placeMax), note: 'ö'.repeat(LIMITS.noteMax) })));
    const n = fitsInBody(longest);
    expect(n).toBeLessThan(MAX_PUSH_BATCH);
    for (const part of [longest.slice(0, n), longest.slice(n)]) {
      const res = await api.push(officer, part);
      expect(res.statusCode).toBe(200);
      expect((res.json() as PushResponse).results.every((r) => r.status === 'applied')).toBe(true);
    }
    expect((await api.push(officer, longest.map((c) => ({ ...c, id: randomUUID() })))).statusCode).toBe(413);
  });

  it('applies rev 1 and rev 2 of one entry in one batch, in server order', async () => {
    const id = randomUUID();
    const results = await api.pushOk(officer, [upsert(trafficEntry(), id, 1), upsert(trafficEntry({ place: 'Rättad plats' }), id, 2)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(results[1]!.serverSeq!).toBeGreaterThan(results[0]!.serverSeq!);
    const [head] = await t.db.query<{ rev: number; place: string }>(`SELECT rev, content->>'place' AS place FROM entries WHERE id = $1`, [id]);
    expect(head).toEqual({ rev: 2, place: 'Rättad plats' });
  });

  it('accepts a correction after rejected revisions (gap) but refuses stale revs as conflict', async () => {
    const id = randomUUID();
    const [rejected] = await api.pushOk(officer, [upsert(trafficEntry({ note: 'Förare 19850315-1234' }), id, 1)]);
    expect(rejected!.status).toBe('rejected');
    // The officer corrected the rejected entry on the device: revision 2, never a revision 1 on the server.
    const [corrected] = await api.pushOk(officer, [upsert(trafficEntry(), id, 2)]);
    expect(corrected!.status).toBe('applied');
    const [stale] = await api.pushOk(officer, [upsert(trafficEntry({ place: 'Annan' }), id, 1)]);
    expect(stale).toMatchObject({ status: 'conflict', errors: [{ field: 'rev', code: 'rev_mismatch' }] });
    expect(stale!.errors![0]!.message).toMatch(/version 2 på servern/);
    const [head] = await t.db.query<{ rev: number }>(`SELECT rev FROM entries WHERE id = $1`, [id]);
    expect(head!.rev).toBe(2);
  });

  it('rejects invalid changes with field errors without blocking the valid ones', async () => {
    const good1 = upsert();
    const bad = upsert(trafficEntry({ details: { focus: 'nykterhet', vehiclesChecked: 2, breathTests: 2, reports: 0, suspectedImpaired: 5 } }));
    const personal = upsert(trafficEntry({ note: 'Förare 19850315-1234 stoppad' }));
    const good2 = upsert();
    const before = await counts(t.db);
    const results = await api.pushOk(officer, [good1, bad, personal, good2]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(results[1]!.errors).toEqual([expect.objectContaining({ field: 'details.suspectedImpaired' })]);
    expect(results[2]!.errors).toEqual([expect.objectContaining({ field: 'note', code: 'personal_data' })]);
    expect(await counts(t.db)).toEqual({ revisions: before.revisions + 2, entries: before.entries + 2 });
  });

  it("refuses to correct or void someone else's entry", async () => {
    const change = upsert();
    await api.pushOk(officer, [change]);
    const [correct] = await api.pushOk(colleague, [upsert(trafficEntry({ place: 'Någon annans' }), change.id, 2)]);
    expect(correct).toMatchObject({ status: 'rejected', errors: [{ field: 'id', code: 'not_owner' }] });
    const [withdraw] = await api.pushOk(colleague, [voidChange(change.entry, change.id, 2)]);
    expect(withdraw).toMatchObject({ status: 'rejected', errors: [{ code: 'not_owner' }] });
    // Replaying my colleague's exact change does not pass as "duplicate" either.
    const [replay] = await api.pushOk(colleague, [change]);
    expect(replay).toMatchObject({ status: 'rejected', errors: [{ code: 'not_owner' }] });
    const [head] = await t.db.query<{ rev: number }>('SELECT rev FROM entries WHERE id = $1', [change.id]);
    expect(head!.rev).toBe(1);
  });

  it('a void keeps the history: every revision stays, the head is marked voided, nothing more may change', async () => {
    const change = upsert();
    const correction = upsert(trafficEntry({ place: 'Rättad plats' }), change.id, 2);
    const withdrawal = voidChange(correction.entry, change.id, 3);
    expect((await api.pushOk(officer, [change, correction, withdrawal])).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const revs = await t.db.query<{ rev: number; op: string; void_reason: string | null }>('SELECT rev, op, void_reason FROM entry_revisions WHERE id = $1 ORDER BY rev', [change.id]);
    expect(revs).toEqual([
      { rev: 1, op: 'upsert', void_reason: null },
      { rev: 2, op: 'upsert', void_reason: null },
      { rev: 3, op: 'void', void_reason: 'Felregistrerad, dubblett.' },
    ]);
    const [head] = await t.db.query<{ rev: number; voided: boolean }>('SELECT rev, voided FROM entries WHERE id = $1', [change.id]);
    expect(head).toEqual({ rev: 3, voided: true });
    const [after] = await api.pushOk(officer, [upsert(trafficEntry(), change.id, 4)]);
    expect(after).toMatchObject({ status: 'rejected', errors: [{ code: 'voided' }] });
  });

  it('requires a void reason, and a void of nothing is refused', async () => {
    const change = upsert();
    await api.pushOk(officer, [change]);
    const [noReason] = await api.pushOk(officer, [{ ...voidChange(change.entry, change.id, 2), voidReason: '' }]);
    expect(noReason).toMatchObject({ status: 'rejected', errors: [{ field: 'voidReason' }] });
    const [nothing] = await api.pushOk(officer, [voidChange(trafficEntry(), randomUUID(), 1)]);
    expect(nothing).toMatchObject({ status: 'rejected', errors: [{ code: 'nothing_to_void' }] });
  });

  it('checks the entry against the catalogue and the user area', async () => {
    const results = await api.pushOk(officer, [
      upsert(trafficEntry({ activityId: 'a1-2025-finns-inte' })),
      upsert(trafficEntry({ startedAt: '2024-12-01T10:00:00.000Z' })),
      upsert(trafficEntry({}, 'b1-2025', 'kommun-b1')),
      upsert(trafficEntry({ activityId: 'a1-utkast-trafik', promiseId: 'a1-utkast' })),
      upsert(trafficEntry({ startedAt: new Date(T0 + 3_600_000).toISOString() })),
    ]);
    expect(results.map((r) => r.errors?.[0]?.code)).toEqual(['unknown_activity', 'outside_period', 'outside_area', 'unknown_promise', 'in_future']);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('takes the officer from the session and the device from the request, and records the heartbeat', async () => {
    const change = upsert();
    const res = await api.push(officer, [change], 'phone-77', { appVersion: '1.2.3', queuedCount: 4, oldestQueuedAt: '2025-06-15T08:00:00.000Z' });
    expect(res.statusCode).toBe(200);
    const [rev] = await t.db.query<{ officer_id: string; device_id: string }>('SELECT officer_id, device_id FROM entry_revisions WHERE id = $1', [change.id]);
    expect(rev).toEqual({ officer_id: world.officerA.id, device_id: 'phone-77' });
    const [device] = await t.db.query<{ user_id: string; queued_count: number; app_version: string }>(
      'SELECT user_id, queued_count, app_version FROM devices WHERE device_id = $1',
      ['phone-77'],
    );
    expect(device).toEqual({ user_id: world.officerA.id, queued_count: 4, app_version: '1.2.3' });
  });

  it('writes one audit row per batch listing the applied changes', async () => {
    const a = upsert();
    const b = upsert();
    await api.pushOk(officer, [a, b], 'phone-audit');
    const [row] = await t.db.query<{ action: string; actor_id: string; details: { applied: unknown[] } }>(
      `SELECT action, actor_id, details FROM audit_log WHERE device_id = 'phone-audit'`,
    );
    expect(row).toEqual({ action: 'sync.push', actor_id: world.officerA.id, details: { applied: [[a.id, 1, 'upsert'], [b.id, 1, 'upsert']] } });
    // A batch that applies nothing writes no audit row.
    await api.pushOk(officer, [a], 'phone-audit');
    const rows = await t.db.query(`SELECT 1 FROM audit_log WHERE device_id = 'phone-audit'`);
    expect(rows).toHaveLength(1);
  });

  it('applies a same-change twice in one batch once', async () => {
    const change = upsert();
    const [first, second] = await api.pushOk(officer, [change, change]);
    expect(first!.status).toBe('applied');
    expect(second).toEqual({ ...first, status: 'duplicate' });
  });

  it('a heartbeat without changes updates the device; shift leads see queue size and age', async () => {
    const res = await api.request('POST', '/api/v1/devices/heartbeat', officer, { deviceId: 'phone-hb', appVersion: '2.0.0', queuedCount: 3, oldestQueuedAt: new Date(T0 - 2 * 3_600_000).toISOString() });
    expect(res.statusCode).toBe(204);
    const bad = await api.request('POST', '/api/v1/devices/heartbeat', officer, { deviceId: 'phone-hb', appVersion: '2.0.0', queuedCount: -1, oldestQueuedAt: null });
    expect(bad.statusCode).toBe(400);
    const lead = await api.token('leadA');
    const list = await api.request('GET', '/api/v1/devices', lead);
    const device = list.json().devices.find((d: { deviceId: string }) => d.deviceId === 'phone-hb');
    expect(device).toEqual({
      deviceId: 'phone-hb',
      userId: world.officerA.id,
      username: 'officera',
      displayName: 'officerA',
      lastSeenAt: new Date(T0).toISOString(),
      queuedCount: 3,
      oldestQueuedAt: new Date(T0 - 2 * 3_600_000).toISOString(),
      oldestQueuedAgeSeconds: 7200,
      appVersion: '2.0.0',
    });
  });
});
