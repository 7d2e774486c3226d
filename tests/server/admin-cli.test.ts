// server/admin-cli.ts: the first admin of a real deployment, through the same account
// functions (rules, temporary password, audit) as the admin API.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAdminCli } from '../../server/admin/cli.ts';
import { testApp, type Api } from './support/api.ts';
import { auditRows } from './support/admin.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupWorld } from './support/fixtures.ts';

describeBackends('admin command line', (backend) => {
  let t: TestDb;
  let api: Api;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdminCli(t.db, argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupWorld(t.db);
    ({ api } = await testApp(t.db));
  });
  afterAll(() => t.close());

  it('create-user prints a temporary password that logs in and must be changed', async () => {
    const r = await run('create-user', '--username', 'Anna.Admin', '--name', 'Anna Admin', '--roles', 'admin,coordinator', '--area', 'omr-a');
    expect(r.code, r.err).toBe(0);
    const password = /Tillfälligt lösenord: (\S+)/.exec(r.out)?.[1];
    expect(password).toBeDefined();
    const login = await api.login('anna.admin', password!);
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ roles: ['admin', 'coordinator'], policeAreaId: 'omr-a', mustChangePassword: true });
    const [audit] = await auditRows(t.db, 'user.create', login.json().user.id);
    expect(audit).toMatchObject({ actor_id: null, actor_username: 'admin-cli' });
  });

  it('reset-password prints a new temporary password', async () => {
    const r = await run('reset-password', '--username', 'anna.admin');
    expect(r.code).toBe(0);
    const password = /: (\S+)$/.exec(r.out)?.[1];
    expect((await api.login('anna.admin', password!)).statusCode).toBe(200);
    expect((await run('reset-password', '--username', 'ingen')).code).toBe(1);
  });

  it('refuses what the API refuses, with its Swedish messages', async () => {
    const taken = await run('create-user', '--username', 'anna.admin', '--name', 'X', '--roles', 'admin', '--area', 'omr-a');
    expect(taken).toMatchObject({ code: 1, err: 'Användarnamnet är upptaget.\n  username: Användarnamnet är upptaget.' });
    const area = await run('create-user', '--username', 'bo.admin', '--name', 'Bo', '--roles', 'admin', '--area', 'ingenstans');
    expect(area.code).toBe(1);
    expect(area.err).toContain('Polisområdet finns inte.');
    const roles = await run('create-user', '--username', 'bo.admin', '--name', 'Bo', '--area', 'omr-a');
    expect(roles.err).toContain('roles: Välj minst en roll.');
    expect((await run('delete-everything')).code).toBe(2);
    expect((await run('create-user', '--okand')).code).toBe(2);
  });
});
