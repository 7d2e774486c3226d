// Every role × every endpoint × own / other police area, with the expected status.
// The client hides buttons; this is what actually refuses. The data protection officer's
// role (auditor) may read the audit log of its area and manage its own session, nothing else.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUsersResponse, PromiseListResponse } from '../../src/domain/admin.ts';
import { buildPromise } from '../../src/domain/catalogue/edit.ts';
import type { PullResponse, PushResponse } from '../../src/domain/sync.ts';
import { createUser } from '../../server/auth/users.ts';
import { insertPromise } from '../../server/catalogue/promise-rows.ts';
import { draftInput } from './support/admin.ts';
import { HEARTBEAT, testApp, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { FAST_COST, PASSWORD, entryInArea, setupWorld, upsert, type UserKey } from './support/fixtures.ts';

type Who = 'anonymous' | 'officerA' | 'leadA' | 'coordA' | 'adminA' | 'auditorA';
type Area = 'own' | 'other';

/** What each caller gets from each endpoint; a string is an extra check, described in `check` below. */
const MATRIX: Record<string, Record<Who, Record<Area, number | string>>> = {
  'GET /session': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 200, other: 200 },
    leadA: { own: 200, other: 200 },
    coordA: { own: 200, other: 200 },
    adminA: { own: 200, other: 200 },
    auditorA: { own: 200, other: 200 },
  },
  'GET /catalogue': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'sees-area', other: 'not-other-area' },
    leadA: { own: 'sees-area', other: 'not-other-area' },
    coordA: { own: 'sees-area', other: 'not-other-area' },
    adminA: { own: 'sees-area', other: 'not-other-area' },
    auditorA: { own: 403, other: 403 },
  },
  'POST /sync/push': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'applied', other: 'rejected-outside-area' },
    leadA: { own: 'applied', other: 'rejected-outside-area' },
    coordA: { own: 403, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'GET /sync/pull': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'not-colleagues', other: 'not-other-area' },
    leadA: { own: 'sees-colleagues', other: 'not-other-area' },
    coordA: { own: 'sees-colleagues', other: 'not-other-area' },
    adminA: { own: 'not-colleagues', other: 'not-other-area' },
    auditorA: { own: 403, other: 403 },
  },
  'POST /devices/heartbeat': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 204, other: 204 },
    leadA: { own: 204, other: 204 },
    coordA: { own: 204, other: 204 },
    adminA: { own: 204, other: 204 },
    auditorA: { own: 403, other: 403 },
  },
  // The officer's own device key (recovery after a hard lock): every signed-in account, its own only.
  'PUT /devices/self/recovery-key': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 204, other: 204 },
    leadA: { own: 204, other: 204 },
    coordA: { own: 204, other: 204 },
    adminA: { own: 204, other: 204 },
    auditorA: { own: 204, other: 204 },
  },
  'GET /devices/self/recovery-key': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'own-recovery-key', other: 'own-recovery-key' },
    leadA: { own: 'own-recovery-key', other: 'own-recovery-key' },
    coordA: { own: 'own-recovery-key', other: 'own-recovery-key' },
    adminA: { own: 'own-recovery-key', other: 'own-recovery-key' },
    auditorA: { own: 'own-recovery-key', other: 'own-recovery-key' },
  },
  'GET /devices': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 'sees-area-devices', other: 'not-other-area' },
    coordA: { own: 'sees-area-devices', other: 'not-other-area' },
    adminA: { own: 'sees-area-devices', other: 'not-other-area' },
    auditorA: { own: 403, other: 403 },
  },
  'GET /tallies': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'tallies-of-kommun', other: 403 },
    leadA: { own: 'tallies-of-kommun', other: 403 },
    coordA: { own: 'tallies-of-kommun', other: 403 },
    adminA: { own: 'tallies-of-kommun', other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'GET /completions': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'sees-area-completions', other: 'not-other-area' },
    leadA: { own: 'sees-area-completions', other: 'not-other-area' },
    coordA: { own: 'sees-area-completions', other: 'not-other-area' },
    adminA: { own: 'sees-area-completions', other: 'not-other-area' },
    auditorA: { own: 403, other: 403 },
  },
  'POST /completions': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 201, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'POST /completions/:id/withdraw': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 200, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  // ---- catalogue editing: coordinators, own area ----
  'GET /catalogue/promises': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 'sees-area-promises', other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'POST /catalogue/promises': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 201, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'PUT /catalogue/promises/:id': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 200, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'POST /catalogue/promises/:id/renew': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 201, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'POST /catalogue/promises/:id/publish': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 200, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'DELETE /catalogue/promises/:id': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 204, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'GET /catalogue/promises/:id/history': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 200, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  // ---- accounts and devices: admins, own area ----
  'GET /admin/users': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 403, other: 403 },
    adminA: { own: 'sees-area-users', other: 'not-other-area' },
    auditorA: { own: 403, other: 403 },
  },
  'POST /admin/users': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 403, other: 403 },
    adminA: { own: 201, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'PATCH /admin/users/:id': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 403, other: 403 },
    adminA: { own: 200, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'POST /admin/users/:id/reset-password': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 403, other: 403 },
    adminA: { own: 200, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  'POST /admin/devices/:id/revoke': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 403, other: 403 },
    adminA: { own: 200, other: 403 },
    auditorA: { own: 403, other: 403 },
  },
  // ---- the audit log ----
  'GET /audit': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 403, other: 403 },
    leadA: { own: 403, other: 403 },
    coordA: { own: 403, other: 403 },
    adminA: { own: 403, other: 403 },
    auditorA: { own: 'audit-of-area', other: 'audit-not-other-area' },
  },
  'POST /audit/reads': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'reads-recorded', other: 'reads-recorded' },
    leadA: { own: 'reads-recorded', other: 'reads-recorded' },
    coordA: { own: 'reads-recorded', other: 'reads-recorded' },
    adminA: { own: 'reads-recorded', other: 'reads-recorded' },
    auditorA: { own: 403, other: 403 },
  },
  // Any signed-in user, for their own account; here with a wrong current password.
  'POST /session/password': {
    anonymous: { own: 401, other: 401 },
    officerA: { own: 'wrong-current', other: 'wrong-current' },
    leadA: { own: 'wrong-current', other: 'wrong-current' },
    coordA: { own: 'wrong-current', other: 'wrong-current' },
    adminA: { own: 'wrong-current', other: 'wrong-current' },
    auditorA: { own: 'wrong-current', other: 'wrong-current' },
  },
};

/** A recovery key (43 base64url characters) that differs per caller. */
const recoveryKeyOf = (token: string | null) => (token ?? 'anonymous').replace(/[^A-Za-z0-9_-]/g, '').padEnd(43, 'x').slice(0, 43);

describeBackends('authorization matrix', (backend) => {
  let t: TestDb;
  let api: Api;
  const tokens = {} as Record<UserKey | 'auditorA', string>;
  let officerBId: string;
  let colleagueEntry: string;
  let otherAreaEntry: string;
  let spareId: string;
  let spareOther: string;
  const ownCompletion = randomUUID();
  const otherCompletion = randomUUID();
  beforeAll(async () => {
    t = await openTestDb(backend);
    const world = await setupWorld(t.db);
    // Targets the admin and editing cells may change without disturbing the others: an
    // account nobody is signed in with, a device nobody uses, drafts to publish and delete.
    spareId = (await createUser(t.db, { username: 'spare', displayName: 'spare', password: PASSWORD, roles: ['officer'], policeAreaId: 'omr-a', passwordCost: FAST_COST })).id;
    await t.db.query(`INSERT INTO devices (device_id, user_id, last_seen_at, queued_count, app_version) VALUES ('spare-phone', $1, now(), 0, 'x')`, [spareId]);
    for (const [id, validFrom, validTo] of [['a2-matris-publish', '2030-01-01', '2030-12-31'], ['a2-matris-delete', '2031-01-01', '2031-12-31']] as const) {
      await insertPromise(t.db, buildPromise(id, draftInput({ kommunId: 'kommun-a2', validFrom, validTo }), null), null, Date.now());
    }
    // The data protection officer of area A.
    await createUser(t.db, { username: 'auditorA', displayName: 'Granskare A', password: PASSWORD, roles: ['auditor'], policeAreaId: 'omr-a', passwordCost: FAST_COST });
    ({ api } = await testApp(t.db));
    for (const key of Object.keys(world) as UserKey[]) tokens[key] = await api.token(key);
    tokens.auditorA = await api.token('auditorA');
    officerBId = world.officerB.id;
    // A colleague's entry in area A and an entry in area B, each from a known device.
    const a = upsert(entryInArea('a'));
    const b = upsert(entryInArea('b'));
    await api.pushOk(tokens.officerA2, [a], 'phone-a2');
    await api.pushOk(tokens.officerB, [b], 'phone-b');
    spareOther = world.officerB.id;
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
      case 'PUT /devices/self/recovery-key':
        return api.request('PUT', '/api/v1/devices/self/recovery-key', token, { recoveryKey: recoveryKeyOf(token) });
      case 'GET /devices/self/recovery-key':
        // Each caller's own key, as stored just before (another caller's never comes back).
        await api.request('PUT', '/api/v1/devices/self/recovery-key', token, { recoveryKey: recoveryKeyOf(token) });
        return api.request('GET', '/api/v1/devices/self/recovery-key', token);
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
      case 'GET /catalogue/promises':
        return api.request('GET', `/api/v1/catalogue/promises${area === 'own' ? '' : '?kommun=kommun-b1'}`, token);
      case 'POST /catalogue/promises':
        return api.request('POST', '/api/v1/catalogue/promises', token, draftInput({ kommunId: area === 'own' ? 'kommun-a1' : 'kommun-b1' }));
      case 'PUT /catalogue/promises/:id': {
        const [id, kommunId] = area === 'own' ? ['a1-utkast', 'kommun-a1'] : ['b1-2025', 'kommun-b1'];
        return api.request('PUT', `/api/v1/catalogue/promises/${id}`, token, { draft: draftInput({ kommunId }), version: 1 });
      }
      case 'POST /catalogue/promises/:id/renew':
        return api.request('POST', `/api/v1/catalogue/promises/${area === 'own' ? 'a1-2025' : 'b1-2025'}/renew`, token, {});
      case 'POST /catalogue/promises/:id/publish':
        return api.request('POST', `/api/v1/catalogue/promises/${area === 'own' ? 'a2-matris-publish' : 'b1-2025'}/publish`, token, { version: 1 });
      case 'DELETE /catalogue/promises/:id':
        return api.request('DELETE', `/api/v1/catalogue/promises/${area === 'own' ? 'a2-matris-delete' : 'b1-2025'}`, token);
      case 'GET /catalogue/promises/:id/history':
        return api.request('GET', `/api/v1/catalogue/promises/${area === 'own' ? 'a1-2025' : 'b1-2025'}/history`, token);
      case 'GET /admin/users':
        return api.request('GET', '/api/v1/admin/users', token);
      case 'POST /admin/users':
        return api.request('POST', '/api/v1/admin/users', token, { username: `ny-${area}`, displayName: 'Ny', roles: ['officer'], policeAreaId: area === 'own' ? 'omr-a' : 'omr-b' });
      case 'PATCH /admin/users/:id':
        return api.request('PATCH', `/api/v1/admin/users/${area === 'own' ? spareId : spareOther}`, token, { displayName: 'Matris' });
      case 'POST /admin/users/:id/reset-password':
        return api.request('POST', `/api/v1/admin/users/${area === 'own' ? spareId : spareOther}/reset-password`, token);
      case 'POST /admin/devices/:id/revoke':
        return api.request('POST', `/api/v1/admin/devices/${area === 'own' ? 'spare-phone' : 'phone-b'}/revoke`, token);
      case 'GET /audit':
        return api.request('GET', '/api/v1/audit?from=2000-01-01&to=2100-01-01&format=ndjson', token);
      case 'POST /audit/reads':
        return api.request('POST', '/api/v1/audit/reads', token, {
          events: [
            {
              id: randomUUID(),
              at: '2025-06-15T09:00:00.000Z',
              entryId: area === 'own' ? colleagueEntry : otherAreaEntry,
              ownerId: area === 'own' ? 'officerA2' : 'officerB',
              view: 'entry_detail',
              justification: 'Uppföljning inför samverkansmöte.',
            },
          ],
        });
      case 'POST /session/password':
        return api.request('POST', '/api/v1/session/password', token, { currentPassword: 'inte-mitt-losenord', newPassword: 'ett-annat-långt-lösenord' });
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
            if (expected === 'wrong-current') {
              expect(res.statusCode).toBe(400);
              return expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'wrong_password' })]);
            }
            expect(res.statusCode).toBe(200);
            const body = res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : null;
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
              case 'sees-area-promises':
                return expect((body as PromiseListResponse).promises.map((p) => p.kommunId)).toContain('kommun-a1');
              case 'sees-area-users':
                return expect((body as AdminUsersResponse).users.map((u) => u.username)).toContain('officera2');
              case 'audit-of-area':
                return expect(res.body).toContain('"actorUsername":"officera"');
              case 'audit-not-other-area':
                expect(res.body).not.toContain('officerb');
                return expect(res.body).not.toContain(officerBId);
              case 'reads-recorded':
                return expect(body.results).toEqual([expect.objectContaining({ status: 'recorded' })]);
              case 'own-recovery-key':
                return expect(body).toEqual({ recoveryKey: recoveryKeyOf(who === 'anonymous' ? null : tokens[who]) });
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
