// Fault injection: whatever fails, and wherever, no entry is lost and none is doubled.
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_BATCH, PUSH_BODY_LIMIT, type PushChange } from '../../src/domain/sync.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { counts, HEARTBEAT, testApp, type Api, type Clock } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { faultyDb, type FaultPlan } from './support/faults.ts';
import { setupWorld, trafficEntry, upsert } from './support/fixtures.ts';

const batch = (n: number): PushChange[] => Array.from({ length: n }, () => upsert());

describeBackends('faults', (backend) => {
  /** The push's last statement (the write): the third on PostgreSQL, the second on PGlite (no entry locks). */
  const WRITE_QUERY = backend === 'postgres' ? 3 : 2;
  let t: TestDb;
  let api: Api;
  let clock: Clock;
  let token: string;
  const plan: FaultPlan = {};
  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupWorld(t.db);
    ({ api, clock } = await testApp(faultyDb(t.db, plan)));
    token = await api.token('officerA');
  });
  afterAll(() => t.close());
  const disarm = () => {
    for (const k of Object.keys(plan) as (keyof FaultPlan)[]) delete plan[k];
  };

  describe('database failing in the middle of a batch', () => {
    it('stores nothing of the batch, answers 500 JSON, and a retry applies all exactly once — at every query of the transaction', async () => {
      const probe = faultyDb(t.db, {});
      await testApp(probe).then(async ({ api: a }) => a.pushOk(await a.token('officerA2'), batch(3)));
      const queries = probe.txQueries.at(-1)!;
      // Lock, read, write (BEGIN/COMMIT are not counted); PGlite, one connection that runs
      // whole transactions one at a time, takes no entry locks (server/sync/push.ts).
      expect(queries).toBe(WRITE_QUERY);
      for (let n = 1; n <= queries; n++) {
        const changes = batch(5);
        const before = await counts(t.db);
        plan.failOnTxQuery = n;
        const failed = await api.push(token, changes);
        disarm();
        expect(failed.statusCode, `fault at query ${n}`).toBe(500);
        expect(failed.json()).toEqual({ error: { code: 'internal', message: expect.stringMatching(/internt fel/) } });
        expect(await counts(t.db)).toEqual(before);
        const retry = await api.pushOk(token, changes);
        expect(retry.map((r) => r.status)).toEqual(Array(5).fill('applied'));
        expect((await api.pushOk(token, changes)).map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
        expect(await counts(t.db)).toEqual({ revisions: before.revisions + 5, entries: before.entries + 5 });
      }
    });
  });

  describe('answer lost after COMMIT', () => {
    it('a retry of the committed batch is answered duplicate and stores nothing more', async () => {
      const changes = batch(4);
      const before = await counts(t.db);
      plan.failAfterCommit = true;
      expect((await api.push(token, changes)).statusCode).toBe(500);
      disarm();
      expect(await counts(t.db)).toEqual({ revisions: before.revisions + 4, entries: before.entries + 4 });
      const retry = await api.pushOk(token, changes);
      expect(retry.map((r) => r.status)).toEqual(Array(4).fill('duplicate'));
      expect(await counts(t.db)).toEqual({ revisions: before.revisions + 4, entries: before.entries + 4 });
    });

    it('a client that drops the TCP connection before reading the answer: retry is duplicate', async () => {
      const { app } = await testApp(t.db);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const changes = batch(3);
      const before = await counts(t.db);
      await new Promise<void>((resolve) => {
        const body = JSON.stringify({ deviceId: 'dev-drop', heartbeat: HEARTBEAT, changes });
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/sync/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
        req.on('error', () => resolve());
        req.end(body, () => setTimeout(() => { req.destroy(); resolve(); }, 1));
      });
      // The server finishes the request it already read; wait until it has.
      for (let i = 0; i < 100 && (await counts(t.db)).revisions === before.revisions; i++) await new Promise((r) => setTimeout(r, 20));
      const retry = await api.pushOk(token, changes);
      expect(retry.every((r) => r.status === 'duplicate' || r.status === 'applied')).toBe(true);
      expect(await counts(t.db)).toEqual({ revisions: before.revisions + 3, entries: before.entries + 3 });
      await app.close();
    });
  });

  describe('slow database and timeouts', () => {
    it('a retry sent while the first attempt is still running applies once; both answers agree', async () => {
      const changes = batch(5);
      const before = await counts(t.db);
      plan.delayMs = 30;
      const [a, b] = await Promise.all([api.pushOk(token, changes), api.pushOk(token, changes)]);
      disarm();
      for (let i = 0; i < 5; i++) {
        expect([a[i]!.status, b[i]!.status].sort()).toEqual(['applied', 'duplicate']);
        expect(a[i]!.serverSeq).toBe(b[i]!.serverSeq);
      }
      expect(await counts(t.db)).toEqual({ revisions: before.revisions + 5, entries: before.entries + 5 });
    });

    it('a statement cancelled by timeout answers 503 with Retry-After and stores nothing', async () => {
      const changes = batch(3);
      const before = await counts(t.db);
      plan.throwOnTxQuery = { at: WRITE_QUERY, error: Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }) };
      const res = await api.push(token, changes);
      disarm();
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error.code).toBe('internal');
      expect(await counts(t.db)).toEqual(before);
      expect((await api.pushOk(token, changes)).every((r) => r.status === 'applied')).toBe(true);
    });

    // Concurrency of separate connections: real PostgreSQL only.
  if (backend === 'postgres') it('a real statement_timeout on PostgreSQL does the same', async () => {
      const tight = openPostgres(t.url!, { statementTimeoutMs: 150 });
      const slowPlan: FaultPlan = { injectSql: { atTxQuery: 3, sql: 'SELECT pg_sleep(1)' } };
      const { api: slowApi } = await testApp(faultyDb(tight, slowPlan));
      const changes = batch(3);
      const before = await counts(t.db);
      const res = await slowApi.push(token, changes);
      expect(res.statusCode).toBe(503);
      expect(await counts(t.db)).toEqual(before);
      delete slowPlan.injectSql;
      expect((await slowApi.pushOk(token, changes)).every((r) => r.status === 'applied')).toBe(true);
      await tight.close();
    });
  });

  describe('bad requests', () => {
    it('malformed JSON, empty body, wrong content type: 400/415 JSON', async () => {
      const malformed = await api.pushRaw(token, '{"deviceId": "x", "changes": [');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toEqual({ error: { code: 'bad_request', message: 'Ogiltig JSON.' } });
      expect((await api.pushRaw(token, '')).json().error.code).toBe('bad_request');
      const text = await api.request('POST', '/api/v1/sync/push', token, 'hej', { 'content-type': 'text/plain' });
      expect(text.statusCode).toBe(415);
      expect(text.json().error.code).toBe('bad_request');
      const poisoned = await api.pushRaw(token, '{"__proto__": {"admin": true}}');
      expect(poisoned.statusCode).toBe(400);
    });

    it(`more than ${MAX_PUSH_BATCH} changes: 413 payload_too_large, nothing stored`, async () => {
      const before = await counts(t.db);
      const res = await api.push(token, batch(MAX_PUSH_BATCH + 1));
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'payload_too_large', details: { maxChanges: MAX_PUSH_BATCH, received: MAX_PUSH_BATCH + 1 } });
      expect(await counts(t.db)).toEqual(before);
      expect((await api.pushOk(token, batch(MAX_PUSH_BATCH))).length).toBe(MAX_PUSH_BATCH);
    });

    it('a body over the push body limit (1 MiB): 413 JSON', async () => {
      const res = await api.pushRaw(token, JSON.stringify({ deviceId: 'x', heartbeat: HEARTBEAT, changes: [], pad: 'x'.repeat(PUSH_BODY_LIMIT + 100 * 1024) }));
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
    });

    it('unknown fields: the envelope is refused; a change or entry with one is rejected alone', async () => {
      const env = await api.pushRaw(token, { deviceId: 'x', heartbeat: HEARTBEAT, changes: [], extra: 1 });
      expect(env.statusCode).toBe(400);
      expect(env.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'extra', code: 'unknown_field' }] });
      const good = upsert();
      const results = await api.pushOk(token, [{ ...upsert(), officerId: 'someone-else' } as PushChange, upsert({ ...trafficEntry(), extra: 'x' } as never), good]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied']);
      expect(results[0]!.errors).toEqual([expect.objectContaining({ field: 'officerId', code: 'unknown_field' })]);
      expect(results[1]!.errors).toEqual([expect.objectContaining({ field: 'extra', code: 'unknown_field' })]);
    });

    it('wrong types: envelope 400 with the field; a change rejected with the field', async () => {
      const notArray = await api.pushRaw(token, { deviceId: 'x', heartbeat: HEARTBEAT, changes: 'many' });
      expect(notArray.json().error.details).toEqual([expect.objectContaining({ field: 'changes' })]);
      const noHeartbeat = await api.pushRaw(token, { deviceId: 'x', changes: [] });
      expect(noHeartbeat.statusCode).toBe(400);
      const entry = trafficEntry();
      const results = await api.pushOk(token, [
        { ...upsert(), rev: '1' } as never,
        { ...upsert(), id: 'not-a-uuid' },
        upsert({ ...entry, details: { ...entry.details, vehiclesChecked: '40' } } as never),
        42 as never,
        { ...upsert(), clientTime: 'igår' },
      ]);
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
      expect(results.map((r) => r.errors![0]!.field)).toEqual(['rev', 'id', 'details.vehiclesChecked', 'change', 'clientTime']);
      expect(results[1]).toMatchObject({ id: 'not-a-uuid', rev: 1 });
    });

    it('a change for an unknown activity is rejected with the field', async () => {
      const [res] = await api.pushOk(token, [upsert(trafficEntry({ activityId: 'finns-inte' }))]);
      expect(res).toMatchObject({ status: 'rejected', errors: [{ field: 'activityId', code: 'unknown_activity' }] });
    });
  });

  describe('the same entry from two devices at once', () => {
    it('rev 2 from two devices concurrently: one applied, the other conflict — for each of 20 entries', async () => {
      const firsts = batch(20);
      await api.pushOk(token, firsts);
      const before = await counts(t.db);
      const fromA = firsts.map((c) => upsert(trafficEntry({ place: 'Enhet A' }), c.id, 2));
      const fromB = firsts.map((c) => upsert(trafficEntry({ place: 'Enhet B' }), c.id, 2));
      const [a, b] = await Promise.all([api.pushOk(token, fromA, 'phone-a'), api.pushOk(token, fromB, 'phone-b')]);
      for (let i = 0; i < 20; i++) expect([a[i]!.status, b[i]!.status].sort()).toEqual(['applied', 'conflict']);
      expect(await counts(t.db)).toEqual({ revisions: before.revisions + 20, entries: before.entries });
      const heads = await t.db.query<{ rev: number }>('SELECT rev FROM entries WHERE id = ANY($1::uuid[])', [firsts.map((c) => c.id)]);
      expect(heads.every((h) => h.rev === 2)).toBe(true);
    });

    it('a new entry pushed by two devices at once (the same change): one applied, one duplicate with the same serverSeq', async () => {
      const changes = batch(20);
      const before = await counts(t.db);
      const [a, b] = await Promise.all([api.pushOk(token, changes, 'phone-a'), api.pushOk(token, [...changes].reverse(), 'phone-b')]);
      const bById = new Map(b.map((r) => [r.id, r]));
      for (const r of a) {
        const other = bById.get(r.id)!;
        expect([r.status, other.status].sort()).toEqual(['applied', 'duplicate']);
        expect(other.serverSeq).toBe(r.serverSeq);
      }
      expect(await counts(t.db)).toEqual({ revisions: before.revisions + 20, entries: before.entries + 20 });
    });
  });

  describe('a token that expired while the device was offline', () => {
    it('answers 401 session_expired, keeps nothing, and after a new login the same push applies', async () => {
      const changes = batch(3);
      const before = await counts(t.db);
      const old = await api.token('officerA2');
      clock.advance(13 * 3_600_000);
      const res = await api.push(old, changes);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('session_expired');
      expect(await counts(t.db)).toEqual(before);
      const fresh = await api.token('officerA2');
      expect((await api.pushOk(fresh, changes)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      token = await api.token('officerA');
    });
  });

  it('ids are unique across the whole run', async () => {
    const [row] = await t.db.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT server_seq)::int AS d FROM entry_revisions');
    expect(row!.n).toBe(row!.d);
    expect(randomUUID()).toBeTruthy();
  });
});
