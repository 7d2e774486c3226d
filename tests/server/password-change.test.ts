// A password an admin reset must be changed before anything else: every endpoint but
// changing it and logging out answers 403 password_change_required. Changing it checks
// the current one (failures count like failed logins) and the new one's length.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD_MIN } from '../../src/domain/admin.ts';
import { HEARTBEAT, testApp, type Api, type Clock } from './support/api.ts';
import { auditRows } from './support/admin.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { PASSWORD, entryInArea, setupWorld, upsert, type World } from './support/fixtures.ts';

const CHANGE = '/api/v1/session/password';
const NEW_PASSWORD = 'ett-nytt-långt-lösenord';

describeBackends('password change', (backend) => {
  let t: TestDb;
  let api: Api;
  let clock: Clock;
  let world: World;
  let temporary: string;

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api, clock } = await testApp(t.db, { loginLimits: { perUsername: 4 } }));
    const admin = await api.token('adminA');
    temporary = (await api.request('POST', `/api/v1/admin/users/${world.officerA.id}/reset-password`, admin)).json().temporaryPassword as string;
  });
  afterAll(() => t.close());

  it('after a reset the login says mustChangePassword, and every other endpoint answers 403 password_change_required', async () => {
    const login = await api.login('officerA', temporary, 'phone-1');
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toEqual({ ...world.officerA, mustChangePassword: true });
    const token = login.json().token as string;
    const calls = [
      api.request('GET', '/api/v1/session', token),
      api.request('GET', '/api/v1/catalogue', token),
      api.request('GET', '/api/v1/sync/pull', token),
      api.push(token, [upsert(entryInArea('a'))], 'phone-1'),
      api.request('POST', '/api/v1/devices/heartbeat', token, { deviceId: 'phone-1', ...HEARTBEAT }),
      api.request('GET', '/api/v1/tallies?kommun=kommun-a1', token),
      api.request('GET', '/api/v1/completions', token),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({ code: 'password_change_required', message: 'Du måste byta lösenord innan du kan fortsätta.' });
    }
    expect(await t.db.query('SELECT 1 FROM entry_revisions')).toEqual([]);
    // Logging out stays open.
    expect((await api.request('DELETE', '/api/v1/session', token)).statusCode).toBe(204);
  });

  it('refuses a short new password, the same password again, and a wrong current one (400)', async () => {
    const token = (await api.login('officerA', temporary, 'phone-1')).json().token as string;
    const short = await api.request('POST', CHANGE, token, { currentPassword: temporary, newPassword: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([expect.objectContaining({ field: 'newPassword', message: `Lösenordet ska vara minst ${PASSWORD_MIN} tecken.` })]);
    const same = await api.request('POST', CHANGE, token, { currentPassword: temporary, newPassword: temporary });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details).toEqual([{ field: 'newPassword', code: 'same_password', message: 'Det nya lösenordet måste skilja sig från det nuvarande.' }]);
    const wrong = await api.request('POST', CHANGE, token, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ field: 'currentPassword', code: 'wrong_password', message: 'Fel nuvarande lösenord.' }]);
    expect(await auditRows(t.db, 'user.password_change_failed', world.officerA.id)).toHaveLength(1);
    expect((await api.request('POST', CHANGE, token, { newPassword: NEW_PASSWORD })).statusCode).toBe(400);
  });

  it('changes it (204): the flag is cleared, this session goes on, other sessions end, the old password stops working', async () => {
    const other = (await api.login('officerA', temporary, 'phone-2')).json().token as string;
    const token = (await api.login('officerA', temporary, 'phone-1')).json().token as string;
    const res = await api.request('POST', CHANGE, token, { currentPassword: temporary, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(204);
    const me = await api.request('GET', '/api/v1/session', token);
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toEqual(world.officerA);
    expect((await api.request('GET', '/api/v1/session', other)).statusCode).toBe(401);
    expect((await api.login('officerA', temporary)).statusCode).toBe(401);
    const fresh = await api.login('officerA', NEW_PASSWORD);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBeUndefined();
    const [audit] = await auditRows(t.db, 'user.password_change', world.officerA.id);
    expect(audit!.details).toMatchObject({ wasReset: true });
    expect(audit!.details.otherSessionsEnded).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(await t.db.query('SELECT details FROM audit_log'))).not.toContain(NEW_PASSWORD);
  });

  it('any signed-in user may change their password; wrong current passwords count toward the login limit (429)', async () => {
    const token = await api.token('leadA');
    clock.advance(1000); // failures count from the last successful login on
    for (let i = 0; i < 4; i++) {
      expect((await api.request('POST', CHANGE, token, { currentPassword: `fel-${i}`, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
    }
    const limited = await api.request('POST', CHANGE, token, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect((await api.login('leadA')).statusCode).toBe(429);
    const coord = await api.token('coordA');
    expect((await api.request('POST', CHANGE, coord, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await api.request('POST', CHANGE, null, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(401);
  });
});
