// Every role × every endpoint × own / other police area, with the expected status.
// The client hides buttons; this is what actually refuses.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/domain/sync.ts';
import { HEARTBEAT, testApp, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { entryInArea, setupWorld, upsert, type UserKey } from './support/fixtures.ts';

type Who = 'anonymous' | 'officerA' | 'leadA' | 'coordA' | 'adminA';
type Area = 'own' | 'other';

/** What each caller gets from each endpoint; a string is an extra check, described in `check` below. */
const MATRIX: Record<string, Record<Who, Record<Area, number | string>>> = {
  'GET /session': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 200, other: 200 },
    leadA: { own: 200, other: 200 },
    coordA: { own: 200, other: 200 },
    adminA: { own: 200, other: 200 },
  },
  'GET /catalogue': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'sees-area', other: 'not-other-area' },
    leadA: { own: 'sees-area', other: 'not-other-area' },
    coordA: { own: 'sees-area', other: 'not-other-area' },
    adminA: { own: 'sees-area', other: 'not-other-area' },
  },
  'POST /sync/push': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'applied', other: 'rejected-outside-area' },
    leadA: { own: 'applied', other: 'rejected-outside-area' },
    coordA: { own: 403, other: 403 },
    adminA: { own: 403, other: 403 },
  },
  'GET /sync/pull': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'not-colleagues', other: 'not-other-area' },
    leadA: { own: 'sees-colleagues', other: 'not-other-area' },
    coordA: { own: 'sees-colleagues', other: 'not-other-area' },
    adminA: { own: 'not-colleagues', other: 'not-other-area' },
  },
  'POST /devices/heartbeat': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 204, other: 204 },
    leadA: { own: 204, other: 204 },
    coordA: { own: 204, other: 204 },
    adminA: { own: 204, other: 204 },
  },
  'GET /devices': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 'sees-area-devices', other: 'not-other-area' },
    coordA: { own: 'sees-area-devices', other: 'not-other-area' },
    adminA: { own: 'sees-area-devices', other: 'not-other-area' },
  },
  'GET /tallies': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'tallies-of-kommun', other: 403 },
    leadA: { own: 'tallies-of-kommun', other: 403 },
    coordA: { own: 'tallies-of-kommun', other: 403 },
    adminA: { own: 'tallies-of-kommun', other: 403 },
  },
  'GET /completions': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'sees-area-completions', other: 'not-other-area' },
    leadA: { own: 'sees-area-completions', other: 'not-other-area' },
    coordA: { own: 'sees-area-completions', other: 'not-other-area' },
    adminA: { own: 'sees-area-completions', other: 'not-other-area' },
  },
  'POST /completions': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 201, other: 403 },
    adminA: { own: 403, other: 403 },
  },
  'POST /completions/:id/withdraw': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 200, other: 403 },
    adminA: { own: 403, other: 403 },
  },
};

describeBackends('authorization matrix', (backend) => {
  let t: TestDb;
  let api: Api;
  const tokens = {} as Record<UserKey, string>;
  let colleagueEntry: string;
  let otherAreaEntry: string;
  const ownCompletion = randomUUID();
  const otherCompletion = randomUUID();
  beforeAll(async () => {
    t = await openTestDb(backend);
    const world = await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    for (const key of Object.keys(world) as UserKey[]) tokens[key] = await api.token(key);
    // A colleague's entry in area A and an entry in area B, each from a known device.
    const a = upsert(entryInArea('a'));
    const b = upsert(entryInArea('b'));
    await api.pushOk(tokens.officerA2, [a], 'phone-a2');
    await api.pushOk(tokens.officerB, [b], 'phone-b');
    colleagueEntry = a.id;
    otherAreaEntry = b.id;
    // A completion in each area (area B has no coordinator among the test users).
    for (const [id, kommun, area, promise, by] of [
      [ownCompletion, 'kommun-a1', 'omr-a', 'a1-2025', world.coordA.id],
      [otherCompletion, 'kommun-b1', 'omr-b', 'b1-2025', world.leadB.id],
    ] as const) {
      await t.db.query(
        `INSERT INTO activity_completions (id, kommun_id, police_area_id, promise_id, activity_id, done_on, note, recorded_by, recorded_by_name, recorded_at)
         VALUES ($1, $2, $3, $4, $4 || '-vandring', '2025-05-01', '', $5, 'matris', now())`,
        [id, kommun, area, promise, by],
      );
    }
  });
  afterAll(() => t.close());

  const call = async (endpoint: string, token: string | null, area: Area) => {
    switch (endpoint) {
      case 'GET /session':
        return api.request('GET', '/api/v1/session', token);
      case 'GET /catalogue':
        return api.request('GET', '/api/v1/catalogue', token);
      case 'POST /sync/push':
        return api.request('POST', '/api/v1/sync/push', token, { deviceId: 'matrix', heartbeat: HEARTBEAT, changes: [upsert(entryInArea(area === 'own' ? 'a' : 'b'))] });
      case 'GET /sync/pull':
        return api.request('GET', '/api/v1/sync/pull?limit=1000', token);
      case 'POST /devices/heartbeat':
        return api.request('POST', '/api/v1/devices/heartbeat', token, { deviceId: `matrix-${area}`, ...HEARTBEAT });
      case 'GET /devices':
        return api.request('GET', '/api/v1/devices', token);
      case 'GET /tallies':
        return api.request('GET', `/api/v1/tallies?kommun=${area === 'own' ? 'kommun-a1' : 'kommun-b1'}`, token);
      case 'GET /completions':
        return api.request('GET', '/api/v1/completions', token);
      case 'POST /completions':
        return api.request('POST', '/api/v1/completions', token, { id: randomUUID(), activityId: area === 'own' ? 'a1-2025-vandring' : 'b1-2025-vandring', doneOn: '2025-06-01', note: '' });
      case 'POST /completions/:id/withdraw':
        return api.request('POST', `/api/v1/completions/${area === 'own' ? ownCompletion : otherCompletion}/withdraw`, token, { reason: 'Matristest.' });
    }
    throw new Error(endpoint);
  };

  for (const [endpoint, byWho] of Object.entries(MATRIX)) {
    describe(endpoint, () => {
      for (const [who, byArea] of Object.entries(byWho) as [Who, Record<Area, number | string>][]) {
        for (const area of ['own', 'other'] as const) {
          const expected = byArea[area];
          it(`${who} × ${area} area → ${expected}`, async () => {
            const res = await call(endpoint, who === 'anonymous' ? null : tokens[who], area);
            if (typeof expected === 'number') {
              expect(res.statusCode).toBe(expected);
              if (expected >= 400) expect(res.json().error.code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden');
              return;
            }
            expect(res.statusCode).toBe(200);
            const body = res.json();
            switch (expected) {
              case 'sees-area':
                return expect(body.kommuner.map((k: { id: string }) => k.id)).toEqual(['kommun-a1', 'kommun-a2']);
              case 'applied':
                return expect((body as PushResponse).results[0]!.status).toBe('applied');
              case 'rejected-outside-area':
                return expect((body as PushResponse).results[0]).toMatchObject({ status: 'rejected', errors: [{ code: 'outside_area' }] });
              case 'sees-colleagues':
                return expect((body as PullResponse).revisions.map((r) => r.id)).toContain(colleagueEntry);
              case 'not-colleagues':
                return expect((body as PullResponse).revisions.map((r) => r.id)).not.toContain(colleagueEntry);
              case 'tallies-of-kommun':
                return expect(body.tallies).toMatchObject({ kommunId: 'kommun-a1', promises: [{ promiseId: 'a1-2025' }] });
              case 'sees-area-completions':
                return expect(body.completions.map((c: { id: string }) => c.id)).toContain(ownCompletion);
              case 'sees-area-devices':
                return expect(body.devices.map((d: { deviceId: string }) => d.deviceId)).toContain('phone-a2');
              case 'not-other-area': {
                const text = JSON.stringify(body);
                expect(text).not.toContain(otherAreaEntry);
                expect(text).not.toContain('phone-b');
                expect(text).not.toContain(otherCompletion);
                return expect(text).not.toContain('kommun-b1');
              }
            }
            throw new Error(`unknown expectation ${expected}`);
          });
        }
      }
    });
  }
});
