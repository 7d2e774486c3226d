// Admins' accounts: listing with devices, creating with a temporary password, username
// and role rules, deactivation that ends sessions, reactivation, resets, self-protection,
// scope to the admin's own police area, and who may do any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser, AdminUsersResponse, NewUserResponse } from '../../src/domain/admin.ts';
import { TEMP_ALPHABET } from '../../server/admin/temp-password.ts';
import { HEARTBEAT, testApp, type Api } from './support/api.ts';
import { auditRows } from './support/admin.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { PASSWORD, setupWorld, type World } from './support/fixtures.ts';

const USERS = '/api/v1/admin/users';
const TEMP = new RegExp(`^[${TEMP_ALPHABET}]{4}(-[${TEMP_ALPHABET}]{4}){3}$`);

describeBackends('admin: users', (backend) => {
  let t: TestDb;
  let api: Api;
  let world: World;
  const tok = {} as Record<'adminA' | 'officerA' | 'leadA' | 'coordA' | 'officerA2', string>;

  const newUser = (overrides: Record<string, unknown> = {}) => ({ username: 'anna.berg', displayName: 'Anna Berg', roles: ['officer'], policeAreaId: 'omr-a', ...overrides });
  const list = async (): Promise<AdminUser[]> => ((await api.request('GET', USERS, tok.adminA)).json() as AdminUsersResponse).users;

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    for (const key of ['adminA', 'officerA', 'leadA', 'coordA', 'officerA2'] as const) tok[key] = await api.token(key);
    await api.request('POST', '/api/v1/devices/heartbeat', tok.officerA, { deviceId: 'phone-a', ...HEARTBEAT, queuedCount: 3 });
  });
  afterAll(() => t.close());

  it("lists the area's accounts by username, each with its devices", async () => {
    const users = await list();
    expect(users.map((u) => u.username)).toEqual(['admina', 'coorda', 'leada', 'officera', 'officera2']);
    const officer = users.find((u) => u.username === 'officera')!;
    expect(officer).toMatchObject({ id: world.officerA.id, displayName: 'officerA', roles: ['officer'], policeAreaId: 'omr-a', active: true, mustChangePassword: false });
    expect(officer.devices).toEqual([expect.objectContaining({ deviceId: 'phone-a', userId: world.officerA.id, queuedCount: 3, revokedAt: null })]);
    expect(users.find((u) => u.username === 'leada')!.devices).toEqual([]);
  });

  it('creates an account (201) with a readable temporary password that must be changed', async () => {
    const res = await api.request('POST', USERS, tok.adminA, newUser({ username: '  Anna.Berg ' }));
    expect(res.statusCode, res.body).toBe(201);
    const { user, temporaryPassword } = res.json() as NewUserResponse;
    expect(user).toMatchObject({ username: 'anna.berg', displayName: 'Anna Berg', roles: ['officer'], policeAreaId: 'omr-a', active: true, mustChangePassword: true, devices: [] });
    expect(temporaryPassword).toMatch(TEMP);
    const login = await api.login('anna.berg', temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ username: 'anna.berg', mustChangePassword: true });
    const [hash] = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(hash!.password_hash).toMatch(/^scrypt\$/);
    expect(hash!.password_hash).not.toContain(temporaryPassword);
    const [audit] = await auditRows(t.db, 'user.create', user.id);
    expect(audit).toMatchObject({ actor_id: world.adminA.id, details: { username: 'anna.berg', roles: ['officer'], policeAreaId: 'omr-a' } });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it('refuses bad usernames, names and roles with Swedish messages (400), and a taken username (409)', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ username: 'ab' }, 'username', 'Användarnamnet ska vara 3–40 tecken.'],
      [{ username: 'a'.repeat(41) }, 'username', 'Användarnamnet ska vara 3–40 tecken.'],
      [{ username: 'anna berg' }, 'username', 'Användarnamnet får bara innehålla a–z, 0–9, punkt, understreck och bindestreck.'],
      [{ username: 'åsa.ek' }, 'username', 'Användarnamnet får bara innehålla a–z, 0–9, punkt, understreck och bindestreck.'],
      [{ displayName: '  ' }, 'displayName', 'Ange namn.'],
      [{ roles: [] }, 'roles', 'Välj minst en roll.'],
      [{ roles: ['chef'] }, 'roles.0', 'Okänd roll.'],
      [{ roles: ['officer', 'officer'] }, 'roles', 'En roll står två gånger.'],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await api.request('POST', USERS, tok.adminA, newUser({ username: 'ny.polis', ...overrides }));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.details).toContainEqual(expect.objectContaining({ field, message }));
    }
    for (const username of ['officera', 'OfficerA']) {
      const taken = await api.request('POST', USERS, tok.adminA, newUser({ username }));
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.message).toBe('Användarnamnet är upptaget.');
    }
    expect((await list()).map((u) => u.username)).not.toContain('ny.polis');
  });

  it("cannot create or move an account into another police area (403)", async () => {
    const res = await api.request('POST', USERS, tok.adminA, newUser({ username: 'bertil', policeAreaId: 'omr-b' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Du kan bara hantera konton och enheter i ditt eget polisområde.');
    const move = await api.request('PATCH', `${USERS}/${world.officerA2.id}`, tok.adminA, { policeAreaId: 'omr-b' });
    expect(move.statusCode).toBe(403);
  });

  it('changes roles and name (200); the new roles apply on the next request', async () => {
    expect((await api.request('GET', '/api/v1/devices', tok.officerA2)).statusCode).toBe(403);
    const res = await api.request('PATCH', `${USERS}/${world.officerA2.id}`, tok.adminA, { roles: ['officer', 'shift_lead'], displayName: 'Polis Två' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ roles: ['officer', 'shift_lead'], displayName: 'Polis Två' });
    expect((await api.request('GET', '/api/v1/devices', tok.officerA2)).statusCode).toBe(200);
    const [audit] = await auditRows(t.db, 'user.update', world.officerA2.id);
    expect(audit!.details).toMatchObject({ changes: { roles: { from: ['officer'], to: ['officer', 'shift_lead'] }, display_name: { from: 'officerA2', to: 'Polis Två' } } });
    const bad = await api.request('PATCH', `${USERS}/${world.officerA2.id}`, tok.adminA, { roles: [] });
    expect(bad.statusCode).toBe(400);
    expect((await api.request('PATCH', `${USERS}/${world.officerA2.id}`, tok.adminA, { username: 'x' })).statusCode).toBe(400);
  });

  it('deactivating ends every session at once and refuses login; reactivating allows it again', async () => {
    const second = await api.token('officerA2', 'second-phone');
    const res = await api.request('PATCH', `${USERS}/${world.officerA2.id}`, tok.adminA, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.active).toBe(false);
    const live = await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [world.officerA2.id]);
    expect(live).toEqual([]);
    for (const token of [tok.officerA2, second]) expect((await api.request('GET', '/api/v1/session', token)).statusCode).toBe(401);
    const login = await api.login('officerA2');
    expect(login.statusCode).toBe(403);
    expect(login.json().error.message).toBe('Kontot är inaktiverat. Kontakta din administratör.');
    expect((await auditRows(t.db, 'user.update', world.officerA2.id)).at(-1)!.details).toMatchObject({ changes: { active: { from: true, to: false } }, sessionsEnded: 2 });

    expect((await api.request('PATCH', `${USERS}/${world.officerA2.id}`, tok.adminA, { active: true })).statusCode).toBe(200);
    expect((await api.login('officerA2')).statusCode).toBe(200);
  });

  it('an admin cannot deactivate themself nor drop their own admin role (409)', async () => {
    const self = `${USERS}/${world.adminA.id}`;
    const off = await api.request('PATCH', self, tok.adminA, { active: false });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.message).toBe('Du kan inte inaktivera ditt eget konto.');
    const demote = await api.request('PATCH', self, tok.adminA, { roles: ['officer'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toBe('Du kan inte ta bort din egen administratörsroll.');
    const more = await api.request('PATCH', self, tok.adminA, { roles: ['admin', 'coordinator'] });
    expect(more.statusCode).toBe(200);
  });

  it('reset-password: a new temporary password, sessions ended, the next login must change it', async () => {
    const res = await api.request('POST', `${USERS}/${world.leadA.id}/reset-password`, tok.adminA);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json() as { temporaryPassword: string };
    expect(temporaryPassword).toMatch(TEMP);
    expect((await api.request('GET', '/api/v1/session', tok.leadA)).statusCode).toBe(401);
    expect((await api.login('leadA', PASSWORD)).statusCode).toBe(401);
    const login = await api.login('leadA', temporaryPassword);
    expect(login.json().user.mustChangePassword).toBe(true);
    const blocked = await api.request('GET', '/api/v1/sync/pull', login.json().token as string);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect((await list()).find((u) => u.id === world.leadA.id)!.mustChangePassword).toBe(true);
    expect(await auditRows(t.db, 'user.reset_password', world.leadA.id)).toHaveLength(1);
  });

  it("another area's account is 403, an unknown one 404", async () => {
    for (const [method, suffix, body] of [['PATCH', '', { displayName: 'X' }], ['POST', '/reset-password', undefined]] as const) {
      expect((await api.request(method, `${USERS}/${world.officerB.id}${suffix}`, tok.adminA, body)).statusCode).toBe(403);
      expect((await api.request(method, `${USERS}/00000000-0000-4000-8000-000000000000${suffix}`, tok.adminA, body)).statusCode).toBe(404);
      expect((await api.request(method, `${USERS}/inte-ett-id${suffix}`, tok.adminA, body)).statusCode).toBe(404);
    }
    expect((await list()).map((u) => u.username)).not.toContain('officerb');
  });

  describe('who may manage accounts', () => {
    for (const who of ['officerA', 'coordA'] as const) {
      it(`${who} cannot (403)`, async () => {
        const calls = [
          api.request('GET', USERS, tok[who]),
          api.request('POST', USERS, tok[who], newUser({ username: 'smygare' })),
          api.request('PATCH', `${USERS}/${world.officerA.id}`, tok[who], { roles: ['admin'] }),
          api.request('POST', `${USERS}/${world.officerA.id}/reset-password`, tok[who]),
          api.request('POST', '/api/v1/admin/devices/phone-a/revoke', tok[who]),
        ];
        for (const res of await Promise.all(calls)) {
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
      });
    }
    it('a shift lead cannot either (403), nor anyone without a session (401)', async () => {
      const lead = await api.token('leadB');
      expect((await api.request('GET', USERS, lead)).statusCode).toBe(403);
      expect((await api.request('POST', USERS, lead, newUser({ username: 'smygare', policeAreaId: 'omr-b' }))).statusCode).toBe(403);
      expect((await api.request('GET', USERS, null)).statusCode).toBe(401);
      expect((await list()).map((u) => u.username)).not.toContain('smygare');
    });
  });
});
