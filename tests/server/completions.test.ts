// Coordinators' completions: create, replay, conflict, withdraw, roles and area, the
// shared validation, the audit row of every write, and the table's append-only guard.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ActivityCompletion } from '../../src/domain/tallies/index.ts';
import type { CompletionsResponse, User } from '../../src/domain/sync.ts';
import { testApp, type Api, type Clock } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupHoglandet } from './support/hoglandet.ts';

const NOW = Date.parse('2025-06-15T10:00:00.000Z');
/** Trygghetsvandring, owned by the kommun: not logged by officers. Nässjö 2025–2026 (exempel). */
const WALK = 'nassjo-2025-exempel-a2';

describeBackends('completions', (backend) => {
  let t: TestDb;
  let api: Api;
  let clock: Clock;
  let samordnare: User;
  const WHO = ['polis', 'chef', 'samordnare', 'hadmin', 'coordA'] as const;
  const tok = {} as Record<(typeof WHO)[number], string>;

  const create = (body: unknown, token: string | null = tok.samordnare) => api.request('POST', '/api/v1/completions', token, body);
  const withdraw = (id: string, body: unknown, token: string | null = tok.samordnare) => api.request('POST', `/api/v1/completions/${id}/withdraw`, token, body);
  const list = async (token = tok.chef): Promise<ActivityCompletion[]> => ((await api.request('GET', '/api/v1/completions', token)).json() as CompletionsResponse).completions;
  const audit = (action: string) =>
    t.db.query<{ actor_username: string; target: string; device_id: string; details: Record<string, unknown> }>(
      'SELECT actor_username, target, device_id, details FROM audit_log WHERE action = $1 ORDER BY id',
      [action],
    );

  beforeAll(async () => {
    t = await openTestDb(backend);
    ({ users: { samordnare } } = await setupHoglandet(t.db));
    ({ api, clock } = await testApp(t.db));
    clock.set(NOW);
    for (const key of WHO) tok[key] = await api.token(key);
  });
  afterAll(() => t.close());

  it('creates (201), answers a replay with the same record (200), and refuses other content under the id (409)', async () => {
    const id = randomUUID();
    const body = { id, activityId: WALK, doneOn: '2025-05-20', note: '  Demo: vandring kring resecentrum  ' };
    const res = await create(body);
    expect(res.statusCode, res.body).toBe(201);
    const completion = res.json().completion as ActivityCompletion;
    expect(completion).toEqual({
      id,
      kommunId: 'nassjo',
      promiseId: 'nassjo-2025-exempel',
      activityId: WALK,
      doneOn: '2025-05-20',
      note: 'Demo: vandring kring resecentrum',
      recordedBy: samordnare.id,
      recordedByName: 'samordnare',
      recordedAt: new Date(NOW).toISOString(),
      withdrawnAt: null,
      withdrawnReason: null,
    });

    clock.advance(60_000);
    // The app retries: keys in another order, the id in capitals, the note not yet trimmed.
    for (const again of [body, { note: body.note, doneOn: body.doneOn, activityId: WALK, id: id.toUpperCase() }]) {
      const replay = await create(again);
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toEqual({ completion });
    }
    const conflict = await create({ ...body, doneOn: '2025-05-21' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('conflict');
    // The same id from a coordinator of another area is not theirs to read back: 409.
    expect((await create(body, tok.coordA)).statusCode).toBe(409);

    expect((await audit('completion.create')).filter((a) => a.target === id)).toEqual([
      { actor_username: 'samordnare', target: id, device_id: 'dev-samordnare', details: { kommunId: 'nassjo', promiseId: 'nassjo-2025-exempel', activityId: WALK, doneOn: '2025-05-20' } },
    ]);
  });

  it('withdraws once with a reason; the same withdrawal again is 200, another reason 409', async () => {
    const id = randomUUID();
    expect((await create({ id, activityId: WALK, doneOn: '2025-06-01', note: '' })).statusCode).toBe(201);
    clock.advance(5_000);
    const res = await withdraw(id, { reason: 'Fel datum, vandringen ställdes in.' });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json().completion as ActivityCompletion;
    expect(done).toMatchObject({ id, withdrawnAt: new Date(clock()).toISOString(), withdrawnReason: 'Fel datum, vandringen ställdes in.' });

    clock.advance(5_000);
    const again = await withdraw(id, { reason: ' Fel datum, vandringen ställdes in. ' });
    expect(again.statusCode).toBe(200);
    expect(again.json().completion).toEqual(done);
    const other = await withdraw(id, { reason: 'Ett annat skäl.' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({ code: 'conflict', details: { withdrawnReason: 'Fel datum, vandringen ställdes in.' } });

    // Still listed, as withdrawn; a create replay still answers with the record.
    expect((await list()).find((c) => c.id === id)).toEqual(done);
    expect((await create({ id, activityId: WALK, doneOn: '2025-06-01', note: '' })).json().completion).toEqual(done);
    expect(await audit('completion.withdraw')).toEqual([
      { actor_username: 'samordnare', target: id, device_id: 'dev-samordnare', details: { kommunId: 'nassjo', activityId: WALK, doneOn: '2025-06-01', reason: 'Fel datum, vandringen ställdes in.' } },
    ]);
  });

  it('refuses a withdrawal of nothing (404) and a bad reason (400)', async () => {
    expect((await withdraw(randomUUID(), { reason: 'Finns inte.' })).statusCode).toBe(404);
    expect((await withdraw('inte-ett-id', { reason: 'Finns inte.' })).statusCode).toBe(404);
    const id = randomUUID();
    expect((await create({ id, activityId: WALK, doneOn: '2025-06-02', note: '' })).statusCode).toBe(201);
    for (const [body, field] of [
      [{ reason: 'x' }, 'reason'],
      [{}, 'reason'],
      [{ reason: 'Skäl nog.', extra: 1 }, 'extra'],
      [{ reason: 'Boende 850101-1234 klagade.' }, 'reason'],
    ] as const) {
      const res = await withdraw(id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field })]);
    }
    expect((await list()).find((c) => c.id === id)?.withdrawnAt).toBeNull();
  });

  it('applies the shared rules: date in the period and not in the future, not an officers\' activity, no personal data', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ doneOn: '2025-06-16' }, 'doneOn', 'in_future'], // today is 2025-06-15 in Stockholm
      [{ activityId: 'nassjo-2023-a2', doneOn: '2025-03-01' }, 'doneOn', 'outside_period'], // Nässjö 2023–2024
      [{ activityId: 'nassjo-2025-exempel-a3' }, 'activityId', 'logged_by_officers'], // trafikkontroll
      [{ note: 'Gällde 19850101-1234.' }, 'note', 'personal_data'],
      [{ note: 'Bil ABC 123 stod i vägen.' }, 'note', 'personal_data'],
      [{ activityId: 'finns-inte' }, 'activityId', 'unknown_activity'],
      [{ activityId: 'a1-utkast-vandring' }, 'activityId', 'unknown_activity'], // a draft promise
      [{ doneOn: '2025-6-1' }, 'doneOn', 'check'],
      [{ id: 'abc' }, 'id', 'regex'],
      [{ extra: true }, 'extra', 'unknown_field'],
    ];
    for (const [patch, field, code] of cases) {
      const body = { id: randomUUID(), activityId: WALK, doneOn: '2025-06-10', note: '', ...patch };
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details, JSON.stringify(patch)).toEqual([expect.objectContaining({ field, code })]);
    }
    expect((await create('not json')).statusCode).toBe(400);
    // Late on the evening of 15 June UTC it is already the 16th in Stockholm.
    clock.set(Date.parse('2025-06-15T22:30:00.000Z'));
    try {
      const late = await api.token('samordnare'); // the morning's session has been idle for 12 h
      expect((await create({ id: randomUUID(), activityId: WALK, doneOn: '2025-06-16', note: '' }, late)).statusCode).toBe(201);
    } finally {
      clock.set(NOW);
    }
  });

  it('lets only coordinators write, and only for their own area', async () => {
    const id = randomUUID();
    const body = { id, activityId: WALK, doneOn: '2025-06-03', note: '' };
    for (const who of ['polis', 'chef', 'hadmin'] as const) {
      expect((await create(body, tok[who])).statusCode, who).toBe(403);
      expect((await withdraw(id, { reason: 'Inte min.' }, tok[who])).statusCode, who).toBe(403);
    }
    expect((await create(body, null)).statusCode).toBe(401);
    expect((await withdraw(id, { reason: 'Inte min.' }, null)).statusCode).toBe(401);
    // A coordinator of another area: the activity's kommun is not theirs.
    const outside = await create(body, tok.coordA);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('forbidden');
    expect((await create(body)).statusCode).toBe(201);
    expect((await withdraw(id, { reason: 'Inte min.' }, tok.coordA)).statusCode).toBe(403);
    // …who may mark their own area's activities done.
    expect((await create({ id: randomUUID(), activityId: 'a1-2025-vandring', doneOn: '2025-06-03', note: '' }, tok.coordA)).statusCode).toBe(201);
  });

  it("lists the area's completions for every role, withdrawn included, with an ETag", async () => {
    const all = await list(tok.polis);
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((c) => c.kommunId === 'nassjo')).toBe(true);
    expect(all.some((c) => c.withdrawnAt !== null)).toBe(true);
    expect(await list(tok.hadmin)).toEqual(all);
    expect([...all].sort((a, b) => (a.doneOn < b.doneOn ? -1 : a.doneOn > b.doneOn ? 1 : 0)).map((c) => c.doneOn)).toEqual(all.map((c) => c.doneOn));
    const otherArea = await list(tok.coordA);
    expect(otherArea.map((c) => c.activityId)).toEqual(['a1-2025-vandring']);

    const first = await api.request('GET', '/api/v1/completions', tok.chef);
    expect(first.headers['cache-control']).toBe('no-store');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const same = await api.request('GET', '/api/v1/completions', tok.chef, undefined, { 'if-none-match': etag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect((await api.request('GET', '/api/v1/completions', tok.coordA, undefined, { 'if-none-match': etag })).statusCode).toBe(200);
    expect((await create({ id: randomUUID(), activityId: 'nassjo-2025-exempel-a7', doneOn: '2025-04-02', note: 'Avstämning' })).statusCode).toBe(201);
    const changed = await api.request('GET', '/api/v1/completions', tok.chef, undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((await api.request('GET', '/api/v1/completions', null)).statusCode).toBe(401);
  });

  it('writes one audit row per create and per withdrawal, none for replays or refusals', async () => {
    const [{ n: before } = { n: 0 }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const id = randomUUID();
    const body = { id, activityId: WALK, doneOn: '2025-06-04', note: '' };
    await create(body);
    await create(body);
    await create({ ...body, note: 'annat' });
    await create({ ...body, id: randomUUID(), doneOn: '2030-01-01' });
    await withdraw(id, { reason: 'Dubblett.' });
    await withdraw(id, { reason: 'Dubblett.' });
    await withdraw(id, { reason: 'Annat skäl.' });
    const rows = await t.db.query<{ action: string; target: string }>('SELECT action, target FROM audit_log ORDER BY id OFFSET $1', [before]);
    expect(rows).toEqual([
      { action: 'completion.create', target: id },
      { action: 'completion.withdraw', target: id },
    ]);
  });

  // Separate connections racing on one id: real PostgreSQL only (PGlite has one connection).
  if (backend === 'postgres') it('the same id sent five times at once is stored once: one 201, four 200', async () => {
    const body = { id: randomUUID(), activityId: WALK, doneOn: '2025-06-05', note: 'Samtidigt' };
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => create(body)))).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 201]);
    const [n] = await t.db.query<{ rows: number; audits: number }>(
      `SELECT (SELECT count(*)::int FROM activity_completions WHERE id = $1) AS rows, (SELECT count(*)::int FROM audit_log WHERE target = $2) AS audits`,
      [body.id, body.id],
    );
    expect(n).toEqual({ rows: 1, audits: 1 });
    const other = { ...body, id: randomUUID() };
    const mixed = (await Promise.all([create(other), create({ ...other, note: 'Annat' })])).map((r) => r.statusCode).sort();
    expect(mixed).toEqual([201, 409]);
  });

  it('the table itself refuses deletes, edits and a second withdrawal', async () => {
    const [row] = await t.db.query<{ id: string }>('SELECT id FROM activity_completions WHERE withdrawn_at IS NULL LIMIT 1');
    const [gone] = await t.db.query<{ id: string }>('SELECT id FROM activity_completions WHERE withdrawn_at IS NOT NULL LIMIT 1');
    await expect(t.db.query(`UPDATE activity_completions SET note = 'ändrad' WHERE id = $1`, [row!.id])).rejects.toThrow(/only be withdrawn/);
    await expect(t.db.query(`UPDATE activity_completions SET withdrawn_reason = 'nytt', withdrawn_at = now() WHERE id = $1`, [gone!.id])).rejects.toThrow(/only be withdrawn/);
    await expect(t.db.query('DELETE FROM activity_completions WHERE id = $1', [row!.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE activity_completions')).rejects.toThrow(/append-only/);
  });
});
