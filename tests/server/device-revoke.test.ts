// A device an admin revoked: every session bound to its id may still push what it has
// queued (answered normally, with deviceRevoked: true) and log out; every other call is
// 403 device_revoked. A new login from it lands in the same state. Nothing queued is lost.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminDevice, AdminUsersResponse } from '../../src/domain/admin.ts';
import type { PushResponse } from '../../src/domain/sync.ts';
import { HEARTBEAT, testApp, type Api } from './support/api.ts';
import { auditRows } from './support/admin.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { PASSWORD, entryInArea, setupWorld, upsert, type World } from './support/fixtures.ts';

const REVOKED = { code: 'device_revoked', message: 'Enheten har spärrats av en administratör.' };
const revokeUrl = (deviceId: string) => `/api/v1/admin/devices/${deviceId}/revoke`;

describeBackends('device revoke', (backend) => {
  let t: TestDb;
  let api: Api;
  let world: World;
  let admin: string;
  let phone: string;
  let revokedAt: string;

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    admin = await api.token('adminA');
    phone = await api.token('officerA', 'phone-a');
    await api.pushOk(phone, [upsert(entryInArea('a'))], 'phone-a');
    await api.pushOk(await api.token('officerB', 'phone-b'), [upsert(entryInArea('b'))], 'phone-b');
  });
  afterAll(() => t.close());

  it('revokes a device of the area (200), listed with revokedAt, audited', async () => {
    const res = await api.request('POST', revokeUrl('phone-a'), admin);
    expect(res.statusCode, res.body).toBe(200);
    const device = res.json().device as AdminDevice;
    expect(device).toMatchObject({ deviceId: 'phone-a', userId: world.officerA.id, username: 'officera' });
    expect(device.revokedAt).toEqual(expect.any(String));
    revokedAt = device.revokedAt!;
    const users = ((await api.request('GET', '/api/v1/admin/users', admin)).json() as AdminUsersResponse).users;
    expect(users.find((u) => u.id === world.officerA.id)!.devices).toEqual([expect.objectContaining({ deviceId: 'phone-a', revokedAt })]);
    const [row] = await auditRows(t.db, 'device.revoke', 'phone-a');
    expect(row).toMatchObject({ actor_id: world.adminA.id, details: { userId: world.officerA.id } });
  });

  it('the revoked session may still push: the entry is stored and the answer says deviceRevoked', async () => {
    const change = upsert(entryInArea('a'));
    const res = await api.push(phone, [change], 'phone-a');
    expect(res.statusCode).toBe(200);
    const body = res.json() as PushResponse;
    expect(body.deviceRevoked).toBe(true);
    expect(body.results[0]!.status).toBe('applied');
    expect(await t.db.query('SELECT id FROM entries WHERE id = $1', [change.id])).toEqual([{ id: change.id }]);
    // The push's heartbeat does not lift the revocation.
    const [d] = await t.db.query<{ revoked_at: Date }>("SELECT revoked_at FROM devices WHERE device_id = 'phone-a'");
    expect(d!.revoked_at.toISOString()).toBe(revokedAt);
  });

  it('every other call of that session is 403 device_revoked; logging out is allowed', async () => {
    const calls = [
      api.request('GET', '/api/v1/sync/pull', phone),
      api.request('GET', '/api/v1/catalogue', phone),
      api.request('GET', '/api/v1/session', phone),
      api.request('POST', '/api/v1/devices/heartbeat', phone, { deviceId: 'phone-a', ...HEARTBEAT }),
      api.request('GET', '/api/v1/tallies?kommun=kommun-a1', phone),
      api.request('GET', '/api/v1/completions', phone),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual(REVOKED);
    }
    expect((await api.request('DELETE', '/api/v1/session', phone)).statusCode).toBe(204);
  });

  it('a new login from the revoked device gets a session in the same push-only state', async () => {
    const login = await api.login('officerA', PASSWORD, 'phone-a');
    expect(login.statusCode).toBe(200);
    const token = login.json().token as string;
    const push = await api.push(token, [upsert(entryInArea('a'))], 'phone-a');
    expect(push.json()).toMatchObject({ deviceRevoked: true, results: [{ status: 'applied' }] });
    expect((await api.pull(token)).json().error).toEqual(REVOKED);
  });

  it("the user's other devices are unaffected; a push naming the revoked device is still told", async () => {
    const other = await api.token('officerA', 'phone-a-ny');
    expect((await api.pull(other)).statusCode).toBe(200);
    const push = await api.push(other, [upsert(entryInArea('a'))], 'phone-a-ny');
    expect(push.json().deviceRevoked).toBeUndefined();
    const naming = await api.push(other, [upsert(entryInArea('a'))], 'phone-a');
    expect(naming.json().deviceRevoked).toBe(true);
  });

  it('revoking again keeps the first revocation; another area is 403, an unknown device 404', async () => {
    const again = await api.request('POST', revokeUrl('phone-a'), admin);
    expect(again.statusCode).toBe(200);
    expect(again.json().device.revokedAt).toBe(revokedAt);
    expect(await auditRows(t.db, 'device.revoke', 'phone-a')).toHaveLength(1);
    const other = await api.request('POST', revokeUrl('phone-b'), admin);
    expect(other.statusCode).toBe(403);
    expect((await api.request('POST', revokeUrl('ingen-enhet'), admin)).statusCode).toBe(404);
    const [b] = await t.db.query<{ revoked_at: Date | null }>("SELECT revoked_at FROM devices WHERE device_id = 'phone-b'");
    expect(b!.revoked_at).toBeNull();
  });

  it('only admins revoke (403 for officer, shift lead, coordinator)', async () => {
    for (const who of ['officerA2', 'leadA', 'coordA']) {
      const res = await api.request('POST', revokeUrl('phone-b'), await api.token(who));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });
});
