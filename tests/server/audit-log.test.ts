// The audit log (issue 7): every write route leaves a row (who, what, when, device, ip)
// in the write's own transaction; reads of colleagues' data are logged, on the server
// and as reported by devices; the log is append-only for the application's role; and the
// data protection officer exports it (API and command line).
import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadEvent, ReadEventsResponse } from '../../src/domain/audit.ts';
import { runAdminCli } from '../../server/admin/cli.ts';
import { createUser, setUserActive } from '../../server/auth/users.ts';
import { buildApp } from '../../server/http/app.ts';
import type { Db, Queryable } from '../../server/db/db.ts';
import type { AuditLogRow } from '../../server/audit/export.ts';
import { draftInput } from './support/admin.ts';
import { counts, HEARTBEAT, testApp, type Api, type Clock } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { FAST_COST, PASSWORD, setupWorld, trafficEntry, upsert, type World } from './support/fixtures.ts';

type Row = AuditLogRow;

/** Each write route (method + path as registered) and the audit actions it may write. A new write route fails the coverage test until it is added here, with a test. */
const WRITE_ROUTES: Record<string, string[]> = {
  'POST /api/v1/session': ['session.login', 'session.login_failed', 'session.login_inactive'],
  'DELETE /api/v1/session': ['session.logout'],
  'POST /api/v1/session/password': ['user.password_change', 'user.password_change_failed'],
  'POST /api/v1/sync/push': ['sync.push'],
  'POST /api/v1/devices/heartbeat': ['device.register', 'device.user_changed'],
  'POST /api/v1/completions': ['completion.create'],
  'POST /api/v1/completions/:id/withdraw': ['completion.withdraw'],
  'POST /api/v1/catalogue/promises': ['promise.create'],
  'PUT /api/v1/catalogue/promises/:id': ['promise.save_draft', 'promise.correct'],
  'POST /api/v1/catalogue/promises/:id/renew': ['promise.renew'],
  'POST /api/v1/catalogue/promises/:id/publish': ['promise.publish'],
  'DELETE /api/v1/catalogue/promises/:id': ['promise.delete'],
  'POST /api/v1/admin/users': ['user.create'],
  'PATCH /api/v1/admin/users/:id': ['user.update'],
  'POST /api/v1/admin/users/:id/reset-password': ['user.reset_password'],
  'POST /api/v1/admin/devices/:deviceId/revoke': ['device.revoke'],
  'POST /api/v1/audit/reads': ['entry.read_other'],
  // Tested in recovery-keys.test.ts ("every store and fetch is in the audit log").
  'PUT /api/v1/devices/self/recovery-key': ['device.recovery_key_store'],
};

/** A Db whose audit inserts fail while `armed`: a write whose audit row cannot land must not land either. */
function auditFailingDb(inner: Db, state: { armed: boolean }): Db {
  const guard = (q: Queryable): Queryable => ({
    async query(sql, params, options) {
      if (state.armed && /INSERT INTO audit_log/i.test(sql)) throw new Error('audit insert refused (test)');
      return q.query(sql, params, options);
    },
    exec: (sql) => q.exec(sql),
  });
  const outer = guard(inner);
  return { kind: inner.kind, query: outer.query, exec: outer.exec, close: () => inner.close(), transaction: (fn) => inner.transaction((tx) => fn(guard(tx))) };
}

function readEvent(overrides: Partial<ReadEvent> = {}): ReadEvent {
  return { id: randomUUID(), at: '2025-06-15T09:30:00.000Z', entryId: randomUUID(), ownerId: 'someone', view: 'entry_detail', justification: 'Uppföljning av veckans insatser.', ...overrides };
}

describe('write routes', () => {
  it('every POST/PUT/PATCH/DELETE route has its audit actions listed (and tested below)', async () => {
    const { openPglite } = await import('../../server/db/pglite.ts');
    const db = await openPglite();
    const routes: RouteOptions[] = [];
    const app = await buildApp({ db, logger: false, onRoute: (r) => void routes.push(r) });
    await app.ready();
    const writes = routes.flatMap((r) => [r.method].flat().filter((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)).map((m) => `${m} ${r.url}`));
    expect(writes.sort()).toEqual(Object.keys(WRITE_ROUTES).sort());
    await app.close();
    await db.close();
  });
});

describeBackends('audit log', (backend) => {
  let t: TestDb;
  let api: Api;
  let clock: Clock;
  let world: World;
  const KEYS = ['officerA', 'officerA2', 'leadA', 'coordA', 'adminA', 'officerB', 'auditorA'] as const;
  const tok = {} as Record<(typeof KEYS)[number], string>;
  const state = { armed: false };
  let failing: Api;

  const last = async (action: string): Promise<Row | undefined> =>
    (await t.db.query<Row>('SELECT * FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1', [action]))[0];
  const total = async (action?: string): Promise<number> =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE $1::text IS NULL OR action = $1', [action ?? null]))[0]!.n;

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    await createUser(t.db, { username: 'auditorA', displayName: 'Granskare A', password: PASSWORD, roles: ['auditor'], policeAreaId: 'omr-a', passwordCost: FAST_COST });
    ({ api, clock } = await testApp(t.db));
    ({ api: failing } = await testApp(auditFailingDb(t.db, state)));
    for (const key of KEYS) tok[key] = await api.token(key, `phone-${key}`);
  });
  afterAll(() => t.close());

  describe('every write kind leaves one row with who, what, when, device and ip', () => {
    let completionId: string;
    let promiseId: string;
    let renewedId: string;
    let newUserId: string;

    /** Runs `act`, then expects exactly one more row of `action`, returned for further checks. */
    const expectOneRow = async (action: string, act: () => Promise<unknown>): Promise<Row> => {
      const before = await total(action);
      await act();
      expect(await total(action), action).toBe(before + 1);
      const row = (await last(action))!;
      expect(row.at.getTime()).toBe(clock());
      expect(row.ip).toBe('127.0.0.1');
      return row;
    };
    const bySession = (row: Row, key: keyof typeof tok) => {
      expect(row).toMatchObject({ actor_username: key.toLowerCase(), device_id: `phone-${key}` });
      expect(row.actor_id).toMatch(/^[0-9a-f-]{36}$/);
    };

    it('session.login, session.login_failed, session.login_inactive', async () => {
      const ok = await expectOneRow('session.login', () => api.login('officerA', PASSWORD, 'phone-x'));
      expect(ok).toMatchObject({ actor_username: 'officera', device_id: 'phone-x', target: world.officerA.id });
      const bad = await expectOneRow('session.login_failed', () => api.login('officerA', 'fel-lösenord', 'phone-y'));
      expect(bad).toMatchObject({ actor_id: null, target: 'officera', device_id: 'phone-y' });
      const gone = await createUser(t.db, { username: 'slutat', displayName: 'Slutat', password: PASSWORD, roles: ['officer'], policeAreaId: 'omr-a', passwordCost: FAST_COST });
      await setUserActive(t.db, gone.id, false);
      const inactive = await expectOneRow('session.login_inactive', async () => expect((await api.login('slutat')).statusCode).toBe(403));
      expect(inactive).toMatchObject({ actor_id: null, target: gone.id });
    });

    it('session.logout, answered with Clear-Site-Data', async () => {
      const token = await api.token('officerA2', 'phone-officerA2');
      const row = await expectOneRow('session.logout', async () => {
        const res = await api.request('DELETE', '/api/v1/session', token);
        expect(res.statusCode).toBe(204);
        expect(res.headers['clear-site-data']).toBe('"cache", "storage"');
      });
      bySession(row, 'officerA2');
    });

    it('user.password_change and user.password_change_failed', async () => {
      await createUser(t.db, { username: 'byter', displayName: 'Byter', password: PASSWORD, roles: ['officer'], policeAreaId: 'omr-a', passwordCost: FAST_COST });
      const token = await api.token('byter', 'phone-byter');
      const failed = await expectOneRow('user.password_change_failed', () => api.request('POST', '/api/v1/session/password', token, { currentPassword: 'fel', newPassword: 'ett-nytt-långt-lösen' }));
      expect(failed).toMatchObject({ actor_username: 'byter', device_id: 'phone-byter' });
      const changed = await expectOneRow('user.password_change', () => api.request('POST', '/api/v1/session/password', token, { currentPassword: PASSWORD, newPassword: 'ett-nytt-långt-lösen' }));
      expect(changed).toMatchObject({ actor_username: 'byter', device_id: 'phone-byter' });
    });

    it('sync.push (one row per batch that applied something)', async () => {
      const change = upsert();
      const row = await expectOneRow('sync.push', () => api.pushOk(tok.officerA, [change], 'phone-officerA'));
      bySession(row, 'officerA');
      expect(row.details).toEqual({ applied: [[change.id, 1, 'upsert']] });
      // A replay applies nothing and writes no row.
      const before = await total('sync.push');
      await api.pushOk(tok.officerA, [change], 'phone-officerA');
      expect(await total('sync.push')).toBe(before);
    });

    it('device.register and device.user_changed, not every heartbeat', async () => {
      const beat = (token: string) => api.request('POST', '/api/v1/devices/heartbeat', token, { deviceId: 'delad-platta', ...HEARTBEAT });
      const registered = await expectOneRow('device.register', () => beat(tok.officerA));
      expect(registered).toMatchObject({ target: 'delad-platta', details: { previousUserId: null } });
      const rows = await total();
      expect((await beat(tok.officerA)).statusCode).toBe(204);
      expect(await total()).toBe(rows);
      const changed = await expectOneRow('device.user_changed', () => beat(tok.leadA));
      expect(changed).toMatchObject({ actor_username: 'leada', target: 'delad-platta', details: { previousUserId: world.officerA.id } });
    });

    it('completion.create and completion.withdraw', async () => {
      completionId = randomUUID();
      const created = await expectOneRow('completion.create', () => api.request('POST', '/api/v1/completions', tok.coordA, { id: completionId, activityId: 'a1-2025-vandring', doneOn: '2025-06-01', note: '' }));
      bySession(created, 'coordA');
      const withdrawn = await expectOneRow('completion.withdraw', () => api.request('POST', `/api/v1/completions/${completionId}/withdraw`, tok.coordA, { reason: 'Fel datum.' }));
      expect(withdrawn).toMatchObject({ target: completionId, details: { reason: 'Fel datum.' } });
    });

    it('promise.create, save_draft, publish, correct, renew, delete', async () => {
      const base = '/api/v1/catalogue/promises';
      const draft = draftInput({ kommunId: 'kommun-a2', validFrom: '2030-01-01', validTo: '2030-12-31' });
      const created = await expectOneRow('promise.create', async () => {
        const res = await api.request('POST', base, tok.coordA, draft);
        promiseId = res.json().promise.id;
      });
      bySession(created, 'coordA');
      await expectOneRow('promise.save_draft', () => api.request('PUT', `${base}/${promiseId}`, tok.coordA, { draft: { ...draft, title: 'Utkast 2' }, version: 1 }));
      await expectOneRow('promise.publish', () => api.request('POST', `${base}/${promiseId}/publish`, tok.coordA, { version: 2 }));
      await expectOneRow('promise.correct', () => api.request('PUT', `${base}/${promiseId}`, tok.coordA, { draft: { ...draft, title: 'Rättad' }, version: 2 }));
      await expectOneRow('promise.renew', async () => {
        const res = await api.request('POST', `${base}/${promiseId}/renew`, tok.coordA, {});
        renewedId = res.json().promise.id;
      });
      const deleted = await expectOneRow('promise.delete', () => api.request('DELETE', `${base}/${renewedId}`, tok.coordA));
      expect(deleted.target).toBe(renewedId);
    });

    it('user.create, user.update, user.reset_password, device.revoke', async () => {
      const created = await expectOneRow('user.create', async () => {
        const res = await api.request('POST', '/api/v1/admin/users', tok.adminA, { username: 'nyanstalld', displayName: 'Ny Anställd', roles: ['officer'], policeAreaId: 'omr-a' });
        newUserId = res.json().user.id;
      });
      bySession(created, 'adminA');
      await expectOneRow('user.update', () => api.request('PATCH', `/api/v1/admin/users/${newUserId}`, tok.adminA, { displayName: 'Ny Anställd 2' }));
      await expectOneRow('user.reset_password', () => api.request('POST', `/api/v1/admin/users/${newUserId}/reset-password`, tok.adminA));
      const revoked = await expectOneRow('device.revoke', () => api.request('POST', '/api/v1/admin/devices/delad-platta/revoke', tok.adminA));
      expect(revoked.target).toBe('delad-platta');
    });

    it('entry.read_other (a device reports what it showed)', async () => {
      const event = readEvent({ ownerId: world.officerA.id });
      const row = await expectOneRow('entry.read_other', () => api.request('POST', '/api/v1/audit/reads', tok.leadA, { events: [event] }));
      bySession(row, 'leadA');
      expect(row).toMatchObject({ target: event.entryId, details: { entryId: event.entryId, ownerId: world.officerA.id, view: 'entry_detail', justification: event.justification, readAt: event.at } });
    });
  });

  describe('reads of colleagues’ data on the server', () => {
    it('sync.pull_others: a shift lead pulling colleagues’ entries', async () => {
      await api.pushOk(tok.officerA, [upsert()], 'phone-officerA');
      const before = await total('sync.pull_others');
      await api.pullAll(tok.leadA);
      expect(await total('sync.pull_others')).toBeGreaterThan(before);
      const row = (await last('sync.pull_others'))!;
      expect(row).toMatchObject({ actor_username: 'leada', device_id: 'phone-leadA', ip: '127.0.0.1' });
      expect(row.details).toMatchObject({ revisions: expect.any(Number), fromCursor: expect.any(Number), toCursor: expect.any(Number) });
    });

    it('devices.list and admin.list_users', async () => {
      const before = [await total('devices.list'), await total('admin.list_users')];
      expect((await api.request('GET', '/api/v1/devices', tok.leadA)).statusCode).toBe(200);
      expect((await api.request('GET', '/api/v1/admin/users', tok.adminA)).statusCode).toBe(200);
      expect([await total('devices.list'), await total('admin.list_users')]).toEqual([before[0]! + 1, before[1]! + 1]);
      expect(await last('devices.list')).toMatchObject({ actor_username: 'leada', device_id: 'phone-leadA', target: 'omr-a' });
      expect(await last('admin.list_users')).toMatchObject({ actor_username: 'admina', device_id: 'phone-adminA', target: 'omr-a' });
    });
  });

  describe('an audit row that cannot be written takes its write with it', () => {
    const attempt = async (fn: () => Promise<{ statusCode: number }>) => {
      state.armed = true;
      try {
        expect((await fn()).statusCode).toBe(500);
      } finally {
        state.armed = false;
      }
    };

    it('push, completion, promise, account, heartbeat, logout, password change', async () => {
      const rows = await total();
      const entries = await counts(t.db);
      await attempt(() => failing.push(tok.officerA, [upsert()], 'phone-officerA'));
      expect(await counts(t.db)).toEqual(entries);

      const completion = randomUUID();
      await attempt(() => failing.request('POST', '/api/v1/completions', tok.coordA, { id: completion, activityId: 'a1-2025-vandring', doneOn: '2025-06-02', note: '' }));
      expect(await t.db.query('SELECT 1 FROM activity_completions WHERE id = $1', [completion])).toEqual([]);

      await attempt(() => failing.request('POST', '/api/v1/catalogue/promises', tok.coordA, draftInput({ kommunId: 'kommun-a2', validFrom: '2033-01-01', validTo: '2033-12-31' })));
      expect(await t.db.query(`SELECT 1 FROM promises WHERE doc->>'validFrom' = '2033-01-01'`)).toEqual([]);

      await attempt(() => failing.request('POST', '/api/v1/admin/users', tok.adminA, { username: 'aldrig', displayName: 'Aldrig', roles: ['officer'], policeAreaId: 'omr-a' }));
      expect(await t.db.query(`SELECT 1 FROM users WHERE username = 'aldrig'`)).toEqual([]);

      await attempt(() => failing.request('POST', '/api/v1/devices/heartbeat', tok.officerA, { deviceId: 'ny-enhet', ...HEARTBEAT }));
      expect(await t.db.query(`SELECT 1 FROM devices WHERE device_id = 'ny-enhet'`)).toEqual([]);

      await attempt(() => failing.request('DELETE', '/api/v1/session', tok.officerB));
      expect((await api.request('GET', '/api/v1/session', tok.officerB)).statusCode).toBe(200);

      await attempt(() => failing.login('officerB', PASSWORD, 'phone-z'));
      expect(await t.db.query(`SELECT 1 FROM sessions WHERE device_id = 'phone-z'`)).toEqual([]);

      expect(await total()).toBe(rows);
    });
  });

  describe('POST /audit/reads', () => {
    const send = (events: unknown[], token = tok.leadA) => api.request('POST', '/api/v1/audit/reads', token, { events });

    it('is idempotent per event id: a redelivery, or the same id twice in a batch, is one row', async () => {
      const a = readEvent();
      const b = readEvent({ view: 'drilldown', justification: null });
      const before = await total('entry.read_other');
      const first = (await send([a, b, a])).json() as ReadEventsResponse;
      expect(first.results.map((r) => r.status)).toEqual(['recorded', 'recorded', 'duplicate']);
      const again = (await send([b, a])).json() as ReadEventsResponse;
      expect(again.results).toEqual([
        { id: b.id, status: 'duplicate' },
        { id: a.id, status: 'duplicate' },
      ]);
      expect(await total('entry.read_other')).toBe(before + 2);
    });

    it('rejects a bad event alone, with field-level Swedish messages; the others are recorded', async () => {
      const good = readEvent();
      const res = await send([
        readEvent({ justification: 'Kollade 19850101-1234 igen' }),
        readEvent({ view: 'export' as never }),
        readEvent({ justification: 'x'.repeat(201) }),
        { ...readEvent(), extra: 1 },
        good,
      ]);
      expect(res.statusCode).toBe(200);
      const { results } = res.json() as ReadEventsResponse;
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'recorded']);
      expect(results[0]!.errors).toEqual([{ field: 'justification', code: 'personal_data', message: expect.stringContaining('personnummer') }]);
      expect(results[1]!.errors).toEqual([{ field: 'view', code: 'picklist', message: 'Okänd vy.' }]);
      expect(results[2]!.errors![0]).toMatchObject({ field: 'justification', message: 'Motiveringen får vara högst 200 tecken.' });
      expect(results[3]!.errors![0]).toMatchObject({ field: 'extra', code: 'unknown_field' });
    });

    it('refuses a malformed envelope (400) and more than 500 events (413)', async () => {
      expect((await api.request('POST', '/api/v1/audit/reads', tok.leadA, { events: 'alla' })).json().error.code).toBe('validation_failed');
      const many = await send(Array.from({ length: 501 }, () => readEvent()));
      expect(many.statusCode).toBe(413);
      expect(many.json().error).toMatchObject({ code: 'payload_too_large', details: { maxEvents: 500, received: 501 } });
    });
  });

  describe('export for the data protection officer', () => {
    const exportOf = (query: string, token = tok.auditorA) => api.request('GET', `/api/v1/audit?${query}`, token);

    it('streams the area’s rows as NDJSON, failed logins on its users included, and audits the export', async () => {
      const before = await total('audit.export');
      const res = await exportOf('from=2025-06-15&to=2025-06-15');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      const rows = res.body.trim().split('\n').map((l) => JSON.parse(l));
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((x, y) => x - y));
      expect(rows).toContainEqual(expect.objectContaining({ action: 'session.login_failed', actorId: null, target: 'officera' }));
      expect(rows).toContainEqual(expect.objectContaining({ action: 'sync.push', actorUsername: 'officera', deviceId: 'phone-officerA', ip: '127.0.0.1' }));
      // Nothing of area B: not officerB's logins, not its actions.
      expect(res.body).not.toContain('officerb');
      expect(res.body).not.toContain(world.officerB.id);
      expect(await total('audit.export')).toBe(before + 1);
      expect(await last('audit.export')).toMatchObject({
        actor_username: 'auditora',
        target: 'omr-a',
        details: { from: '2025-06-14T22:00:00.000Z', to: '2025-06-15T22:00:00.000Z', format: 'ndjson', policeAreaId: 'omr-a' },
      });
    });

    it('as CSV for Swedish Excel: BOM, semicolons, CRLF, JSON details quoted', async () => {
      const res = await exportOf('from=2025-06-15T00:00:00Z&to=2025-06-16T00:00:00Z&format=csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="granskning-omr-a-2025-06-15T00-00-00Z--2025-06-16T00-00-00Z.csv"');
      const text = res.rawPayload.toString('utf8');
      expect(text.startsWith('\uFEFFid;at;actorId;actorUsername;action;target;deviceId;ip;details\r\n')).toBe(true);
      const lines = text.split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines.some((l) => l.includes(';sync.push;') && l.includes(';"{""applied"":[['))).toBe(true);
    });

    it('outside the range: nothing; a bad range: 400 with field messages', async () => {
      expect((await exportOf('from=2020-01-01&to=2020-12-31')).body).toBe('');
      const bad = await exportOf('from=igår&format=xml');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['format', 'from', 'to']);
      expect((await exportOf('from=2025-06-16&to=2025-06-15')).json().error.details).toEqual([expect.objectContaining({ field: 'to', code: 'before_from' })]);
    });

    it('from the command line: every area, CSV with formula-looking text defused', async () => {
      // A failed login typed as a spreadsheet formula: the target column must not run in Excel.
      await api.login('=HYPERLINK("http://evil")', 'x', 'phone-q');
      let text = '';
      const err: string[] = [];
      const code = await runAdminCli(t.db, ['export-audit', '--from', '2025-06-15', '--to', '2025-06-15', '--format', 'csv'], {
        out: (l) => void (text += `${l}\n`),
        err: (l) => void err.push(l),
        write: (chunk) => void (text += chunk),
      });
      expect(code, err.join('\n')).toBe(0);
      expect(text.startsWith('\uFEFFid;at;')).toBe(true);
      expect(text).toContain(`;session.login_failed;"'=hyperlink(""http://evil"")";phone-q;`);
      expect(text).toContain('officerb');
      const [row] = await t.db.query<Row>(`SELECT * FROM audit_log WHERE action = 'audit.export' AND actor_username = 'admin-cli'`);
      expect(row).toMatchObject({ actor_id: null, target: null, details: { format: 'csv', policeAreaId: null } });
      expect(await runAdminCli(t.db, ['export-audit', '--from', '2025-06-15'], { out: () => {}, err: () => {} })).toBe(2);
    });
  });

  describe('append-only for the application’s role', () => {
    it('UPDATE, DELETE and TRUNCATE of audit_log fail', async () => {
      await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      await expect(t.db.transaction((tx) => tx.query(`UPDATE audit_log SET details = '{}' WHERE action = 'sync.push'`))).rejects.toThrow(/append-only/);
    });

    it('the table grants its owner (the role that migrated) no UPDATE, DELETE or TRUNCATE', async () => {
      const privileges = await t.db.query<{ privilege_type: string }>(
        `SELECT a.privilege_type FROM pg_class c, aclexplode(c.relacl) a
         WHERE c.relname = 'audit_log' AND a.grantee = c.relowner ORDER BY 1`,
      );
      const held = privileges.map((p) => p.privilege_type);
      expect(held).toEqual(expect.arrayContaining(['INSERT', 'SELECT']));
      for (const refused of ['UPDATE', 'DELETE', 'TRUNCATE']) expect(held).not.toContain(refused);
    });

    if (backend === 'postgres') {
      it('a non-superuser owning the table is refused by privilege before the trigger', async () => {
        const role = `mbl_app_${randomUUID().slice(0, 8)}`;
        await t.db.query(`CREATE ROLE ${role} NOLOGIN`);
        try {
          await t.db.query(`ALTER TABLE audit_log OWNER TO ${role}`);
          const denied = t.db.transaction(async (tx) => {
            await tx.query(`SET LOCAL ROLE ${role}`);
            await tx.query(`UPDATE audit_log SET action = 'x'`);
          });
          await expect(denied).rejects.toThrow(/permission denied for table audit_log/);
          const inserted = await t.db.transaction(async (tx) => {
            await tx.query(`SET LOCAL ROLE ${role}`);
            return tx.query(`INSERT INTO audit_log (at, action) VALUES (now(), 'role-test') RETURNING id`);
          });
          expect(inserted).toHaveLength(1);
        } finally {
          await t.db.query('ALTER TABLE audit_log OWNER TO CURRENT_USER');
          await t.db.query(`DROP ROLE ${role}`);
        }
      });
    }
  });
});
