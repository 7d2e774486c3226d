// The demo data of `npm start`: idempotent across restarts, visibly demo, through the
// real push path, and enough of it that the dashboard, the completions and the
// unsent-work panel have something to show.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_CATALOGUE, withExamples, type CitizenPromise } from '../../src/domain/catalogue/index.ts';
import type { EntryContent } from '../../src/domain/entry.ts';
import type { CompletionsResponse, DevicesResponse, TalliesResponse } from '../../src/domain/sync.ts';
import { isOverdue } from '../../src/domain/tallies/index.ts';
import { seedCatalogue } from '../../server/catalogue/seed.ts';
import { migrate } from '../../server/db/migrate.ts';
import { ensureExamplePeriods } from '../../server/demo-catalogue.ts';
import { DEMO_ENTRIES, demoChanges, seedDemoData } from '../../server/demo-entries.ts';
import { DEMO_PASSWORD, ensureDemoUsers } from '../../server/demo-users.ts';
import { testApp, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');

async function snapshot(t: TestDb) {
  const [row] = await t.db.query<Record<'entries' | 'revisions' | 'voided' | 'changed' | 'completions' | 'withdrawn' | 'audit' | 'devices' | 'last_seq', number>>(
    `SELECT (SELECT count(*)::int FROM entries) AS entries, (SELECT count(*)::int FROM entry_revisions) AS revisions,
            (SELECT count(*)::int FROM entries WHERE voided) AS voided, (SELECT count(*)::int FROM entries WHERE rev > 1) AS changed,
            (SELECT count(*)::int FROM activity_completions) AS completions,
            (SELECT count(*)::int FROM activity_completions WHERE withdrawn_at IS NOT NULL) AS withdrawn,
            (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM devices) AS devices,
            (SELECT max(server_seq)::int FROM entry_revisions) AS last_seq`,
  );
  return row!;
}

describeBackends('demo data', (backend) => {
  let t: TestDb;
  let api: Api;
  let first: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    t = await openTestDb(backend);
    await migrate(t.db);
    // As server/main.ts --demo does: the shipped catalogue, the demo users, then the example
    // periods renewed and published by the demo coordinator.
    await seedCatalogue(t.db, SEED_CATALOGUE);
    await ensureDemoUsers(t.db);
    expect((await ensureExamplePeriods(t.db, NOW)).length).toBe(4);
    const seeded = await seedDemoData(t.db, NOW);
    expect(seeded.results).toEqual({ applied: seeded.pushed, duplicate: 0, conflict: 0, rejected: 0 });
    first = await snapshot(t);
    let clock;
    ({ api, clock } = await testApp(t.db));
    clock.set(NOW);
  });
  afterAll(() => t.close());

  it('seeds about 500 entries with some corrections and voids, and completions with one withdrawn', () => {
    expect(first.entries).toBeGreaterThan(450);
    expect(first.entries).toBeLessThanOrEqual(DEMO_ENTRIES);
    expect(first.voided).toBeGreaterThan(3);
    expect(first.changed).toBeGreaterThan(first.voided);
    expect(first.revisions).toBe(first.entries + first.changed);
    expect(first.completions).toBeGreaterThan(10);
    expect(first.withdrawn).toBe(1);
  });

  it('the example periods come from the coordinator\'s renewal path and equal withExamples(SEED_CATALOGUE)', async () => {
    const stored = await t.db.query<{ doc: CitizenPromise }>(`SELECT doc FROM promises WHERE id LIKE '%-exempel' ORDER BY id`);
    const expected = withExamples(SEED_CATALOGUE).promises.filter((p) => p.example).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(stored.map((r) => r.doc)).toEqual(expected);
    expect(expected.map((p) => p.id)).toEqual(['nassjo-2025-exempel', 'savsjo-2025-exempel', 'tranas-2025-exempel', 'vetlanda-2025-exempel']);
    for (const action of ['promise.renew', 'promise.publish']) {
      const rows = await t.db.query<{ target: string; actor_username: string }>('SELECT target, actor_username FROM audit_log WHERE action = $1 ORDER BY target', [action]);
      expect(rows).toEqual(expected.map((p) => ({ target: p.id, actor_username: 'samordnare' })));
    }
  });

  it('a restart pushes the same changes again and changes nothing', async () => {
    expect(await ensureExamplePeriods(t.db, NOW)).toEqual([]);
    const again = await seedDemoData(t.db, NOW);
    expect(again.results).toEqual({ applied: 0, duplicate: again.pushed, conflict: 0, rejected: 0 });
    expect(again.completionsCreated).toBe(0);
    expect(await snapshot(t)).toEqual(first);
  });

  it('is the same data on every run: a fixed timeline, not one made from the clock', () => {
    const promises = withExamples(SEED_CATALOGUE).promises.filter((p) => p.example);
    expect(demoChanges(promises)).toEqual(demoChanges(promises));
    const ids = demoChanges(promises).map((c) => `${c.change.id}#${c.change.rev}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is visibly demo: example promises, demo officers, "Demo:" notes, demo- devices', async () => {
    const rows = await t.db.query<{ promise_id: string; username: string; device_id: string; content: EntryContent }>(
      'SELECT r.promise_id, u.username, r.device_id, r.content FROM entry_revisions r JOIN users u ON u.id = r.officer_id',
    );
    expect(rows.every((r) => r.promise_id.endsWith('-exempel'))).toBe(true);
    expect(new Set(rows.map((r) => r.username))).toEqual(new Set(['polis1', 'polis2']));
    expect(rows.every((r) => r.device_id.startsWith('demo-') && r.content.note.startsWith('Demo:'))).toBe(true);
    const completions = await t.db.query<{ note: string; promise_id: string }>('SELECT note, promise_id FROM activity_completions');
    expect(completions.every((c) => c.note.startsWith('Demo:') && c.promise_id.endsWith('-exempel'))).toBe(true);
  });

  it('shows in the tallies, the completions and the unsent-work panel', async () => {
    const token = (await api.login('gruppchef', DEMO_PASSWORD)).json().token as string;
    let countedEntries = 0;
    let sums = 0;
    let completed = 0;
    for (const kommun of ['nassjo', 'tranas', 'savsjo', 'vetlanda']) {
      const res = await api.request('GET', `/api/v1/tallies?kommun=${kommun}&from=2025-01-01&to=2026-12-31`, token);
      expect(res.statusCode).toBe(200);
      const activities = (res.json() as TalliesResponse).tallies.promises.flatMap((p) => p.activities);
      for (const a of activities) {
        countedEntries += Object.entries(a.bySource).reduce((n, [source, c]) => n + (source === 'completion' ? 0 : (c ?? 0)), 0);
        completed += a.bySource.completion ?? 0;
        sums += Object.values(a.cells.range?.sums ?? {}).reduce((n, v) => n + v, 0);
      }
    }
    expect(countedEntries).toBe(first.entries - first.voided);
    expect(sums).toBeGreaterThan(1000);
    expect(completed).toBe(first.completions - first.withdrawn);

    const completions = (await api.request('GET', '/api/v1/completions', token)).json() as CompletionsResponse;
    expect(completions.completions.length).toBe(first.completions);
    const devices = ((await api.request('GET', '/api/v1/devices', token)).json() as DevicesResponse).devices;
    expect(devices.every((d) => d.deviceId.startsWith('demo-'))).toBe(true);
    expect(devices.filter((d) => isOverdue(d, NOW)).map((d) => d.deviceId)).toEqual(['demo-polis2-surfplatta']);
  });

  it('a restart weeks later adds only what fell due since', async () => {
    const later = Date.parse('2026-12-31T12:00:00.000Z');
    const seeded = await seedDemoData(t.db, later);
    expect(seeded.results.conflict + seeded.results.rejected).toBe(0);
    expect(seeded.results.duplicate).toBe(first.revisions);
    expect(seeded.results.applied).toBeGreaterThan(0);
    const after = await snapshot(t);
    expect(after.revisions).toBe(first.revisions + seeded.results.applied);
  });
});
