// The recovery key R of a device (PUT/GET /api/v1/devices/self/recovery-key): bound to the
// officer and to the device the session was made on; fetched only soon after a password
// login; every store and fetch audited; gone when an admin revokes the device.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RECOVERY_LOGIN_WINDOW_MS } from '../../server/http/routes/recovery-keys.ts';
import { HEARTBEAT, testApp, type Api, type Clock } from './support/api.ts';
import { auditRows } from './support/admin.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupWorld, type World } from './support/fixtures.ts';

const URL = '/api/v1/devices/self/recovery-key';
const R1 = 'A'.repeat(42) + 'w';
const R2 = 'b-_' + 'c'.repeat(40);

describeBackends('device recovery keys', (backend) => {
  let t: TestDb;
  let api: Api;
  let clock: Clock;
  let world: World;

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api, clock } = await testApp(t.db));
  });
  afterAll(() => t.close());

  it('404 before anything is stored; PUT stores (204), GET returns it, a second PUT replaces it', async () => {
    const token = await api.token('officerA', 'phone-r1');
    const none = await api.request('GET', URL, token);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('not_found');
    expect(none.headers['cache-control']).toContain('no-store');
    expect((await api.request('PUT', URL, token, { recoveryKey: R1 })).statusCode).toBe(204);
    const got = await api.request('GET', URL, token);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ recoveryKey: R1 });
    expect(got.headers['cache-control']).toContain('no-store');
    expect((await api.request('PUT', URL, token, { recoveryKey: R2 })).statusCode).toBe(204);
    expect((await api.request('GET', URL, token)).json()).toEqual({ recoveryKey: R2 });
  });

  it('is per device and per officer: another device, or another officer on this device, gets 404', async () => {
    await api.request('PUT', URL, await api.token('officerA', 'phone-r2'), { recoveryKey: R1 });
    expect((await api.request('GET', URL, await api.token('officerA', 'phone-r3'))).statusCode).toBe(404);
    expect((await api.request('GET', URL, await api.token('officerA2', 'phone-r2'))).statusCode).toBe(404);
  });

  it('anonymous: 401; a malformed key: 400 and nothing stored', async () => {
    expect((await api.request('GET', URL, null)).statusCode).toBe(401);
    expect((await api.request('PUT', URL, null, { recoveryKey: R1 })).statusCode).toBe(401);
    const token = await api.token('officerA', 'phone-r4');
    for (const body of [{}, { recoveryKey: 'short' }, { recoveryKey: R1 + 'x' }, { recoveryKey: '+'.repeat(43) }, { recoveryKey: R1, extra: 1 }, { recoveryKey: 42 }]) {
      const res = await api.request('PUT', URL, token, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await t.db.query("SELECT 1 FROM recovery_keys WHERE device_id = 'phone-r4'")).toEqual([]);
  });

  it('GET needs a password login within the last minutes; PUT does not', async () => {
    const token = await api.token('officerA', 'phone-r5');
    await api.request('PUT', URL, token, { recoveryKey: R1 });
    clock.advance(RECOVERY_LOGIN_WINDOW_MS + 1_000);
    const late = await api.request('GET', URL, token);
    expect(late.statusCode).toBe(403);
    expect(late.json().error.code).toBe('forbidden');
    expect((await api.request('PUT', URL, token, { recoveryKey: R2 })).statusCode).toBe(204);
    // A new password login may fetch it again.
    expect((await api.request('GET', URL, await api.token('officerA', 'phone-r5'))).json()).toEqual({ recoveryKey: R2 });
    expect((await auditRows(t.db, 'device.recovery_key_refused', 'phone-r5')).length).toBe(1);
  });

  it('every store and fetch is in the audit log, with who and which device', async () => {
    const token = await api.token('officerB', 'phone-r6');
    await api.request('PUT', URL, token, { recoveryKey: R1 });
    await api.request('GET', URL, token);
    const [stored] = await auditRows(t.db, 'device.recovery_key_store', 'phone-r6');
    const [fetched] = await auditRows(t.db, 'device.recovery_key_fetch', 'phone-r6');
    expect(stored).toMatchObject({ actor_id: world.officerB.id, actor_username: 'officerb' });
    expect(fetched).toMatchObject({ actor_id: world.officerB.id });
    // The key itself is never written to the log.
    expect(JSON.stringify(await t.db.query("SELECT * FROM audit_log WHERE target = 'phone-r6'"))).not.toContain(R1);
  });

  it('an admin revoking the device deletes its key; the revoked session cannot fetch or store one', async () => {
    const token = await api.token('officerA', 'phone-r7');
    // The server knows a device from its heartbeats.
    expect((await api.request('POST', '/api/v1/devices/heartbeat', token, { deviceId: 'phone-r7', ...HEARTBEAT })).statusCode).toBe(204);
    await api.request('PUT', URL, token, { recoveryKey: R1 });
    const admin = await api.token('adminA');
    expect((await api.request('POST', '/api/v1/admin/devices/phone-r7/revoke', admin)).statusCode).toBe(200);
    expect(await t.db.query("SELECT 1 FROM recovery_keys WHERE device_id = 'phone-r7'")).toEqual([]);
    const fresh = await api.token('officerA', 'phone-r7');
    for (const res of [await api.request('GET', URL, fresh), await api.request('PUT', URL, fresh, { recoveryKey: R2 })]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('device_revoked');
    }
  });
});
