// Login, sessions (idle and absolute expiry on an injected clock), logout, rate limit,
// deactivated users, and the password hash itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COST, hashPassword, verifyPassword } from '../../server/auth/password.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { createUser, setUserActive } from '../../server/auth/users.ts';
import { testApp, type Api, type Clock } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { PASSWORD, setupWorld, type World } from './support/fixtures.ts';

const HOUR = 3_600_000;

describe('password hashes', () => {
  it('verify the right password only, with the parameters stored in the hash', async () => {
    const hash = await hashPassword('hemligt', { N: 2 ** 10, r: 8, p: 1 });
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('hemligt', hash)).toBe(true);
    expect(await verifyPassword('hemligT', hash)).toBe(false);
    expect(await verifyPassword('hemligt', 'garbage')).toBe(false);
  });

  it('take tens of milliseconds at the default cost', async () => {
    const started = performance.now();
    await hashPassword('x', DEFAULT_COST);
    expect(performance.now() - started).toBeGreaterThan(20);
  });
});

describeBackends('auth', (backend) => {
  let t: TestDb;
  let world: World;
  let api: Api;
  let clock: Clock;
  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api, clock } = await testApp(t.db, { loginLimits: { perIp: 1000 } }));
  });
  afterAll(() => t.close());

  it('logs in and returns the user with the kommuner of the area', async () => {
    const res = await api.login('OfficerA'); // usernames are case-insensitive
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(body.expiresAt)).toBe(clock() + 7 * 24 * HOUR);
    expect(body.user).toEqual({ ...world.officerA, kommunIds: ['kommun-a1', 'kommun-a2'] });
    const me = await api.request('GET', '/api/v1/session', body.token);
    expect(me.json()).toEqual({ user: body.user, expiresAt: body.expiresAt });
    // Only the hash of the token is stored.
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(body.token));
    expect(JSON.stringify(rows)).not.toContain(body.token);
  });

  it('answers a wrong password and an unknown user alike, in similar time', async () => {
    await createUser(t.db, { username: 'slow', displayName: 'slow', password: PASSWORD, roles: ['officer'], policeAreaId: 'omr-a' });
    const timed = async (username: string) => {
      const started = performance.now();
      const res = await api.login(username, 'fel-lösenord');
      return { res, ms: performance.now() - started };
    };
    await timed('nobody-warmup');
    const wrong = await timed('slow');
    const unknown = await timed('nobody');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(unknown.res.json()).toEqual(wrong.res.json());
    expect(wrong.res.json().error).toMatchObject({ code: 'unauthenticated', message: 'Fel användarnamn eller lösenord.' });
    expect(Math.abs(wrong.ms - unknown.ms)).toBeLessThan(Math.max(wrong.ms, unknown.ms) * 0.6);
  });

  it('rate-limits failures per username with 429 and Retry-After, and lifts it after the window', async () => {
    for (let i = 0; i < 5; i++) expect((await api.login('officerA2', 'fel')).statusCode).toBe(401);
    const blocked = await api.login('officerA2'); // even the right password while blocked
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBe(15 * 60);
    clock.advance(15 * 60_000 + 1000);
    expect((await api.login('officerA2')).statusCode).toBe(200);
    clock.advance(HOUR);
  });

  it('rate-limits failures per IP across usernames', async () => {
    const strict = await testApp(t.db, { loginLimits: { perIp: 3 } });
    strict.clock.set(clock() + 100 * HOUR);
    for (const name of ['x1', 'x2', 'x3']) expect((await strict.api.login(name, 'fel', 'd', '10.9.9.9')).statusCode).toBe(401);
    expect((await strict.api.login('officerA', PASSWORD, 'd', '10.9.9.9')).statusCode).toBe(429);
    expect((await strict.api.login('officerA', PASSWORD, 'd', '10.9.9.8')).statusCode).toBe(200);
    await strict.app.close();
  });

  it('ends a session after 12 h without use, but not while it is used', async () => {
    const token = await api.token('officerA');
    clock.advance(11 * HOUR);
    expect((await api.request('GET', '/api/v1/session', token)).statusCode).toBe(200);
    clock.advance(11 * HOUR); // 22 h after login, 11 h idle
    expect((await api.request('GET', '/api/v1/session', token)).statusCode).toBe(200);
    clock.advance(12 * HOUR);
    const res = await api.request('GET', '/api/v1/session', token);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });

  it('ends a session 7 days after login however much it is used', async () => {
    const token = await api.token('officerA');
    for (let h = 0; h < 7 * 24 - 10; h += 10) {
      clock.advance(10 * HOUR);
      expect((await api.request('GET', '/api/v1/session', token)).statusCode).toBe(200);
    }
    clock.advance(10 * HOUR);
    expect((await api.request('GET', '/api/v1/session', token)).json().error.code).toBe('session_expired');
  });

  it('revokes the session on logout', async () => {
    const token = await api.token('officerA');
    expect((await api.request('DELETE', '/api/v1/session', token)).statusCode).toBe(204);
    const res = await api.request('GET', '/api/v1/session', token);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect((await api.request('GET', '/api/v1/session', 'not-a-token-but-long-enough')).statusCode).toBe(401);
    expect((await api.request('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it("stops a deactivated user's sessions and refuses their login", async () => {
    const token = await api.token('officerB');
    await setUserActive(t.db, world.officerB.id, false);
    expect((await api.request('GET', '/api/v1/catalogue', token)).statusCode).toBe(401);
    const login = await api.login('officerB');
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('forbidden');
    await setUserActive(t.db, world.officerB.id, true);
  });

  it('rejects a malformed login body with field errors', async () => {
    const res = await api.request('POST', '/api/v1/session', null, { username: 'a', password: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['deviceId', 'password']);
  });

  it("writes logins, failures, a deactivated account's attempt and logouts to the audit log", async () => {
    const rows = await t.db.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action');
    expect(rows.map((r) => r.action)).toEqual(['session.login', 'session.login_failed', 'session.login_inactive', 'session.logout']);
  });
});
