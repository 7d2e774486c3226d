// The shift lead's dashboard (computed on the device from IndexedDB) and the server's
// GET /tallies (computed from SQL) must give the same figures. Two officers log 1 200
// random entries on the real catalogue, correct some (often across a quarter boundary,
// to another activity or kind), withdraw others, partly after a first sync; a
// coordinator marks kommun activities done; the shift lead's device pulls it all.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/http/app.ts';
import { manualClock } from '../../server/clock.ts';
import { createUser } from '../../server/auth/users.ts';
import { seedCatalogue } from '../../server/catalogue/seed.ts';
import { migrate } from '../../server/db/migrate.ts';
import { FieldLogDb, correctEntry, loadCompletions, saveEntry, voidEntry, countQueued } from '../../src/db/index.ts';
import { computeTallies } from '../../src/db/tally-queries.ts';
import { syncOnce } from '../../src/sync/engine.ts';
import { setDataKey } from '../../src/crypto/keystore.ts';
import { createApi } from '../../src/sync/api.ts';
import { SEED_CATALOGUE } from '../../src/domain/catalogue/seeds.ts';
import { withExamples } from '../../src/domain/catalogue/demo.ts';
import { findPromise } from '../../src/domain/catalogue/lookup.ts';
import { localDate } from '../../src/domain/calendar.ts';
import { RANGE_CELL, type TallyRequest } from '../../src/domain/tallies/index.ts';
import type { SessionResponse, TalliesResponse, User } from '../../src/domain/sync.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { FAST_COST, PASSWORD } from './support/fixtures.ts';
import { prng, randomContent } from './support/random-field-log.ts';

// The device is unlocked: its db modules seal what they store with the data key in memory.
setDataKey(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));

const CATALOGUE = withExamples(SEED_CATALOGUE);
const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const TODAY = localDate(NOW);

describeBackends('device and server tallies agree', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  const users = {} as Record<'polis1' | 'polis2' | 'gruppchef' | 'samordnare', User>;
  const clock = manualClock(NOW);

  beforeAll(async () => {
    t = await openTestDb(backend);
    await migrate(t.db);
    await seedCatalogue(t.db, CATALOGUE);
    for (const [username, role] of [['polis1', 'officer'], ['polis2', 'officer'], ['gruppchef', 'shift_lead'], ['samordnare', 'coordinator']] as const) {
      users[username] = await createUser(t.db, { username, displayName: username, password: PASSWORD, roles: [role], policeAreaId: 'hoglandet', passwordCost: FAST_COST });
    }
    app = await buildApp({ db: t.db, clock, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function device(username: keyof typeof users) {
    const deviceId = crypto.randomUUID();
    const db = new FieldLogDb(`agree-${backend}-${deviceId}`);
    await db.open();
    const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD, deviceId }) });
    expect(res.status).toBe(200);
    const s = (await res.json()) as SessionResponse;
    const ctx = { officerId: s.user.id, deviceId, now: () => clock() };
    const deps = { db, api: createApi({ baseUrl: base, timeoutMs: 30_000 }), token: s.token, officerId: s.user.id, deviceId, appVersion: 'test', now: () => clock() };
    return { db, ctx, token: s.token, sync: () => syncOnce(deps) };
  }

  it('on 1 200 random entries with corrections and voids, for every kommun and period', async () => {
    const rng = prng(backend === 'pglite' ? 5 : 7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    const officers = [await device('polis1'), await device('polis2')];
    const logged: Array<{ officer: (typeof officers)[number]; id: string; promiseId: string; voided?: true }> = [];
    // A withdrawn entry is final (the server refuses to change it), so only live ones are edited.
    const pickLive = () => {
      for (;;) {
        const e = pick(logged);
        if (!e.voided) return e;
      }
    };
    for (let i = 0; i < 1200; i++) {
      const officer = officers[i % 2]!;
      const content = randomContent(rng, CATALOGUE, NOW);
      logged.push({ officer, id: (await saveEntry(officer.db, content, officer.ctx)).id, promiseId: content.promiseId });
    }
    const correctAndVoid = async (corrections: number, voids: number) => {
      for (let i = 0; i < corrections; i++) {
        const e = pickLive();
        // Same promise, any activity, kind and time in it: moves across buckets and activities.
        const content = randomContent(rng, CATALOGUE, NOW, findPromise(CATALOGUE, e.promiseId));
        await correctEntry(e.officer.db, e.id, content, e.officer.ctx);
      }
      for (let i = 0; i < voids; i++) {
        const e = pickLive();
        e.voided = true;
        await voidEntry(e.officer.db, e.id, 'Felregistrerad i test', e.officer.ctx);
      }
    };
    await correctAndVoid(150, 60);
    for (const o of officers) await o.sync();
    // More changes after the first sync: the server's heads must follow later revisions.
    await correctAndVoid(100, 40);
    for (const o of officers) await o.sync();
    for (const o of officers) expect(await countQueued(o.db)).toBe(0);

    // Kommun-owned activities marked done by the coordinator, one of them withdrawn.
    const coordinator = await device('samordnare');
    const marks = [
      { activityId: 'nassjo-2025-exempel-a2', doneOn: '2025-05-20' },
      { activityId: 'nassjo-2025-exempel-a7', doneOn: '2025-03-31' },
      { activityId: 'nassjo-2025-exempel-a7', doneOn: '2025-04-01' },
      { activityId: 'savsjo-2025-exempel-a6', doneOn: '2026-04-30' },
      { activityId: 'vetlanda-2025-exempel-a4', doneOn: '2026-09-01' },
    ];
    const ids: string[] = [];
    for (const m of marks) {
      const id = crypto.randomUUID();
      ids.push(id);
      const res = await fetch(`${base}/api/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator.token}` }, body: JSON.stringify({ id, note: 'Test', ...m }) });
      expect(res.status).toBe(201);
    }
    const withdraw = await fetch(`${base}/api/v1/completions/${ids[2]}/withdraw`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator.token}` }, body: JSON.stringify({ reason: 'Fel datum' }) });
    expect(withdraw.status).toBe(200);

    const lead = await device('gruppchef');
    await lead.sync();
    const completions = (await loadCompletions(lead.db))?.completions ?? [];
    expect(completions).toHaveLength(5);

    const requests: TallyRequest[] = [];
    for (const kommun of CATALOGUE.kommuner) {
      for (let year = 2019; year <= 2026; year++) requests.push({ kommunId: kommun.id, from: `${year}-01-01`, to: `${year}-12-31` });
      requests.push({ kommunId: kommun.id, from: '2019-01-01', to: '2026-12-31' });
      requests.push({ kommunId: kommun.id, from: '2025-05-01', to: '2025-08-31', by: 'tertial' });
      requests.push({ kommunId: kommun.id, from: '2026-10-01', to: '2026-12-31', by: 'quarter' });
    }
    let counted = 0;
    for (const request of requests) {
      const local = await computeTallies(lead.db, CATALOGUE, request, TODAY, completions);
      const query = new URLSearchParams({ kommun: request.kommunId, from: request.from, to: request.to, ...(request.by ? { by: request.by } : {}) });
      const res = await fetch(`${base}/api/v1/tallies?${query}`, { headers: { authorization: `Bearer ${lead.token}` } });
      expect(res.status).toBe(200);
      const server = ((await res.json()) as TalliesResponse).tallies;
      expect(local, `${request.kommunId} ${request.from}..${request.to} ${request.by ?? ''}`).toEqual(server);
      if (request.from === '2019-01-01' && request.to === '2026-12-31') counted += local.promises.flatMap((p) => p.activities).reduce((n, a) => n + (a.bySource.completion ? 0 : a.cells[RANGE_CELL]!.count), 0);
    }
    // Not two empty answers agreeing: every live entry is counted once across the kommuner.
    let live = 0;
    for (const o of officers) live += await o.db.entries.filter((h) => h.op !== 'void').count();
    expect(live).toBeGreaterThan(900);
    expect(counted).toBe(live);
  });
});
