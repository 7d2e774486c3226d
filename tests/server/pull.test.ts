// GET /api/v1/sync/pull: cursor order, pagination, and who sees what.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync.ts';
import { testApp, type Api } from './support/api.ts';
import { faultyDb, type FaultPlan } from './support/faults.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { entryInArea, setupWorld, trafficEntry, upsert, voidChange, type UserKey, type World } from './support/fixtures.ts';

describeBackends('pull', (backend) => {
  let t: TestDb;
  let world: World;
  let api: Api;
  const tokens = {} as Record<UserKey, string>;
  const pushed: Record<string, string[]> = {};
  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    for (const key of Object.keys(world) as UserKey[]) tokens[key] = await api.token(key);
    // 7 + 5 entries in area A by two officers, 4 in area B; one corrected, one voided.
    const push = async (who: UserKey, n: number, area: 'a' | 'b') => {
      const changes = Array.from({ length: n }, () => upsert(entryInArea(area)));
      await api.pushOk(tokens[who], changes);
      pushed[who] = [...(pushed[who] ?? []), ...changes.map((c) => c.id)];
      return changes;
    };
    const mine = await push('officerA', 7, 'a');
    await push('officerA2', 5, 'a');
    await push('officerB', 4, 'b');
    await api.pushOk(tokens.officerA, [upsert(trafficEntry({ place: 'Rättad' }), mine[0]!.id, 2), voidChange(mine[1]!.entry, mine[1]!.id, 2)]);
  });
  afterAll(() => t.close());

  it('returns an officer their own revisions in server order with a monotonic cursor', async () => {
    const res = await api.pull(tokens.officerA);
    expect(res.statusCode).toBe(200);
    const page = res.json() as PullResponse;
    expect(page.hasMore).toBe(false);
    expect(page.revisions).toHaveLength(9);
    const seqs = page.revisions.map((r) => r.serverSeq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(page.nextCursor).toBe(seqs.at(-1));
    expect(page.revisions.every((r) => r.officerId === world.officerA.id)).toBe(true);
    const voided = page.revisions.find((r) => r.op === 'void')!;
    expect(voided).toMatchObject({ rev: 2, voidReason: 'Felregistrerad, dubblett.', deviceId: 'dev-test' });
    expect(voided.content).toEqual(entryInArea('a'));
    // Nothing new after the cursor.
    const rest = (await api.pull(tokens.officerA, page.nextCursor)).json() as PullResponse;
    expect(rest).toEqual({ revisions: [], nextCursor: page.nextCursor, hasMore: false });
  });

  it('pages with limit and hasMore, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = (await api.pull(tokens.leadA, cursor, 4)).json() as PullResponse;
      pages += 1;
      expect(page.revisions.length).toBeLessThanOrEqual(4);
      seen.push(...page.revisions.map((r) => r.serverSeq!));
      expect(page.nextCursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
    expect(pages).toBe(4);
  });

  it('scopes by role: officer and admin own, shift lead and coordinator their area', async () => {
    const ids = async (key: UserKey) => new Set((await api.pullAll(tokens[key])).map((r) => r.id));
    expect(await ids('officerA')).toEqual(new Set(pushed.officerA));
    expect(await ids('officerA2')).toEqual(new Set(pushed.officerA2));
    expect((await ids('adminA')).size).toBe(0);
    const areaA = new Set([...pushed.officerA!, ...pushed.officerA2!]);
    expect(await ids('leadA')).toEqual(areaA);
    expect(await ids('coordA')).toEqual(areaA);
    expect(await ids('leadB')).toEqual(new Set(pushed.officerB));
  });

  it("audits reads of colleagues' revisions, not of one's own", async () => {
    const before = await t.db.query('SELECT 1 FROM audit_log WHERE action = $1', ['sync.pull_others']);
    await api.pull(tokens.officerA);
    expect(await t.db.query('SELECT 1 FROM audit_log WHERE action = $1', ['sync.pull_others'])).toHaveLength(before.length);
    await api.pull(tokens.leadB, 0, 1000);
    const [row] = await t.db.query<{ actor_id: string; details: Record<string, number> }>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'sync.pull_others' ORDER BY id DESC LIMIT 1`,
    );
    expect(row!.actor_id).toBe(world.leadB.id);
    expect(row!.details).toMatchObject({ revisions: 4, total: 4, fromCursor: 0 });
  });

  // Only real PostgreSQL has concurrent transactions; PGlite runs one at a time.
  if (backend === 'postgres') {
    it('never moves the cursor past a revision that is still committing', async () => {
      const plan: FaultPlan = {};
      const { api: slowApi } = await testApp(faultyDb(t.db, plan));
      let release!: () => void;
      let held!: () => void;
      const isHeld = new Promise<void>((r) => (held = r));
      plan.beforeCommit = () => {
        delete plan.beforeCommit;
        held();
        return new Promise((r) => (release = r));
      };
      const late = upsert(entryInArea('a'));
      const lateResult = slowApi.pushOk(tokens.officerA, [late], 'phone-late'); // draws a server_seq, then waits before COMMIT
      await isHeld;
      const [early] = await api.pushOk(tokens.officerA2, [upsert(entryInArea('a'))], 'phone-early'); // higher seq, committed first
      let pulled: PullResponse | null = null;
      const cursor = early!.serverSeq! - 5;
      const pull = api.pull(tokens.leadA, cursor).then((r) => (pulled = r.json() as PullResponse));
      await new Promise((r) => setTimeout(r, 200));
      expect(pulled).toBeNull(); // waiting for the open transaction, not answering without it
      release();
      const [lateApplied] = await lateResult;
      await pull;
      const seqs = pulled!.revisions.map((r) => r.serverSeq);
      expect(lateApplied!.serverSeq!).toBeLessThan(early!.serverSeq!);
      expect(seqs).toContain(lateApplied!.serverSeq);
      expect(seqs).toContain(early!.serverSeq);
    });
  }

  it('validates cursor and limit; clamps a too large limit', async () => {
    expect((await api.request('GET', '/api/v1/sync/pull?cursor=-1', tokens.officerA)).statusCode).toBe(400);
    expect((await api.request('GET', '/api/v1/sync/pull?cursor=abc', tokens.officerA)).json().error.code).toBe('validation_failed');
    expect((await api.request('GET', '/api/v1/sync/pull?limit=0', tokens.officerA)).statusCode).toBe(400);
    expect((await api.request('GET', '/api/v1/sync/pull?limit=999999', tokens.officerA)).statusCode).toBe(200);
  });
});
