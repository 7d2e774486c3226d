// The client's sync run against a scripted server: what leaves the outbox, what stays.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, saveEntry, countQueued, getEntry, getMeta, loadCatalogue, loadCompletions } from '../../../src/db/index.ts';
import { nextBatch } from '../../../src/db/outbox-push.ts';
import { syncOnce, foldAfterRun, FIRST_PUSHES, PUSH_BATCH } from '../../../src/sync/engine.ts';
import { ApiFailure, NetworkFailure, type Api } from '../../../src/sync/api.ts';
import type { CompletionsResponse, PushRequest, PushResult } from '../../../src/domain/sync.ts';
import type { ActivityCompletion } from '../../../src/domain/tallies/completions.ts';
import { SEED_CATALOGUE } from '../../../src/domain/catalogue/index.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
const ctx = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-05-01T10:00:00Z') };

beforeEach(async () => {
  db = new FieldLogDb(`sync-${crypto.randomUUID()}`);
  await db.open();
});

type CompletionsAnswer = { status: number; data: CompletionsResponse | null; etag: string | null } | Error;

function scriptedApi(onPush: (body: PushRequest, call: number) => PushResult[] | Error, onCompletions: (ifNoneMatch: string | null) => CompletionsAnswer = () => ({ status: 200, data: { completions: [] }, etag: '"c0"' })) {
  let calls = 0;
  let seq = 0;
  const pushes: PushRequest[] = [];
  const api = (async (method: string, path: string, opts: { body?: unknown; ifNoneMatch?: string | null } = {}) => {
    if (path === '/sync/push') {
      const body = opts.body as PushRequest;
      pushes.push(body);
      const r = onPush(body, calls++);
      if (r instanceof Error) throw r;
      return { status: 200, data: { results: r }, etag: null };
    }
    if (path.startsWith('/sync/pull')) return { status: 200, data: { revisions: [], nextCursor: seq, hasMore: false }, etag: null };
    if (path === '/catalogue') return { status: 200, data: SEED_CATALOGUE, etag: '"v1"' };
    if (path === '/completions') {
      const r = onCompletions(opts.ifNoneMatch ?? null);
      if (r instanceof Error) throw r;
      return r;
    }
    if (path === '/devices/heartbeat') return { status: 204, data: null, etag: null };
    throw new Error(`unexpected ${method} ${path}`);
  }) as Api;
  const applied = (b: PushRequest): PushResult[] => b.changes.map((c) => ({ id: c.id, rev: c.rev, status: 'applied', serverSeq: ++seq, serverTime: '2025-05-01T10:00:01.000Z' }));
  return { api, pushes, applied };
}

const deps = (api: Api) => ({ db, api, token: 't', officerId: 'o1', deviceId: 'd1', appVersion: 'test', now: ctx.now });

describe('a sync run', () => {
  it('pushes in batches, stamps server receipts, empties the outbox, stores the catalogue', async () => {
    // The first pushes smaller (FIRST_PUSHES), then full batches.
    const total = FIRST_PUSHES.reduce((a, b) => a + b, 0) + PUSH_BATCH + 5;
    for (let i = 0; i < total; i++) await saveEntry(db, trafficCheck(), ctx);
    const s = scriptedApi((b) => s.applied(b));
    const report = await syncOnce(deps(s.api));
    expect(s.pushes.map((p) => p.changes.length)).toEqual([...FIRST_PUSHES, PUSH_BATCH, 5]);
    expect(s.pushes[0]!.heartbeat.queuedCount).toBe(total);
    expect(report.pushed).toBe(total);
    expect(await countQueued(db)).toBe(0);
    expect((await loadCatalogue(db))?.etag).toBe('"v1"');
    expect(await getMeta(db, 'lastSyncAt')).toBe('2025-05-01T10:00:00.000Z');
  });

  it('is reported done before the receipts are folded; the records read stamped throughout, and one fold takes them all', async () => {
    const saved = [];
    for (let i = 0; i < 3; i++) saved.push(await saveEntry(db, trafficCheck(), ctx));
    const s = scriptedApi((b) => s.applied(b));
    await syncOnce(deps(s.api));
    // Not folded by the run: the receipt row waits, the stored record is unstamped, the read is stamped.
    expect(await db.receipts.count()).toBe(1);
    expect((await db.entries.get(saved[0]!.id))?.serverSeq).toBeNull();
    expect((await getEntry(db, saved[0]!.id))?.serverSeq).toBe(1);
    // Two calls while one fold runs share it.
    const [first, second] = [foldAfterRun(db), foldAfterRun(db)];
    expect(second).toBe(first);
    expect(await first).toBe(3);
    expect(await db.receipts.count()).toBe(0);
    expect((await db.entries.get(saved[2]!.id))?.serverSeq).toBe(3);
    expect(await foldAfterRun(db)).toBe(0);
  });

  it('a fold that fails leaves its receipts for the next one', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    const s = scriptedApi((b) => s.applied(b));
    await syncOnce(deps(s.api));
    const entries = db.bookkeeping().entries;
    const original = entries.bulkPut.bind(entries);
    entries.bulkPut = (() => Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof original;
    expect(await foldAfterRun(db)).toBe(0);
    entries.bulkPut = original;
    expect(await db.receipts.count()).toBe(1);
    expect(await foldAfterRun(db)).toBe(1);
  });

  it('a rejected change waits with its reason; the others flow', async () => {
    const bad = await saveEntry(db, lob(), ctx);
    const good = await saveEntry(db, trafficCheck(), ctx);
    const s = scriptedApi((b) =>
      b.changes.map((c) => (c.id === bad.id ? { id: c.id, rev: c.rev, status: 'rejected' as const, errors: [{ field: 'note', code: 'personal_data', message: 'Nej' }] } : { id: c.id, rev: c.rev, status: 'applied' as const, serverSeq: 1 })),
    );
    const report = await syncOnce(deps(s.api));
    expect(report).toMatchObject({ pushed: 1, rejected: 1 });
    expect((await getEntry(db, good.id))?.serverSeq).toBe(1);
    expect(await countQueued(db)).toBe(1);
    expect(await nextBatch(db, 10)).toHaveLength(0);
  });

  it('keeps everything queued when the network fails, and sends it all next time', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    await saveEntry(db, lob(), ctx);
    const down = scriptedApi(() => new NetworkFailure());
    await expect(syncOnce(deps(down.api))).rejects.toBeInstanceOf(NetworkFailure);
    expect(await countQueued(db)).toBe(2);
    const up = scriptedApi((b) => up.applied(b));
    await syncOnce(deps(up.api));
    expect(await countQueued(db)).toBe(0);
  });

  it('keeps the queue when the session expired (401)', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    const s = scriptedApi(() => new ApiFailure(401, 'session_expired', 'Sessionen har gått ut.'));
    await expect(syncOnce(deps(s.api))).rejects.toBeInstanceOf(ApiFailure);
    expect(await countQueued(db)).toBe(1);
    expect((await nextBatch(db, 10))[0]?.item.state).toBe('queued');
  });

  it('pushes only the signed-in officer’s revisions', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    await saveEntry(db, trafficCheck(), { ...ctx, officerId: 'o2' });
    const s = scriptedApi((b) => s.applied(b));
    await syncOnce(deps(s.api));
    expect(s.pushes.flatMap((p) => p.changes)).toHaveLength(1);
    expect(await countQueued(db)).toBe(1);
  });
});

describe('the completions step', () => {
  const done = (over: Partial<ActivityCompletion> = {}): ActivityCompletion => ({
    id: '0190a1b2-0000-7000-8000-000000000001',
    kommunId: 'nassjo',
    promiseId: 'nassjo-2025-exempel',
    activityId: 'nassjo-2025-exempel-a2',
    doneOn: '2025-04-10',
    note: 'Centrum',
    recordedBy: 'u-samordnare',
    recordedByName: 'Samordnare',
    recordedAt: '2025-04-10T12:00:00.000Z',
    withdrawnAt: null,
    withdrawnReason: null,
    ...over,
  });

  /** A server holding one list with a strong ETag, answering 304 to a matching If-None-Match. */
  function completionsServer() {
    const state = { list: [done()], etag: '"c1"', asked: [] as (string | null)[], fail: null as Error | null };
    const answer = (ifNoneMatch: string | null): CompletionsAnswer => {
      state.asked.push(ifNoneMatch);
      if (state.fail) return state.fail;
      if (ifNoneMatch === state.etag) return { status: 304, data: null, etag: state.etag };
      return { status: 200, data: { completions: state.list }, etag: state.etag };
    };
    return { state, answer };
  }

  it('stores the list with its ETag, sends it back, keeps the copy on 304 and replaces it on 200', async () => {
    const server = completionsServer();
    const s = scriptedApi((b) => s.applied(b), server.answer);
    expect((await syncOnce(deps(s.api))).completionsChanged).toBe(true);
    expect(await loadCompletions(db)).toEqual({ completions: [done()], etag: '"c1"' });

    expect((await syncOnce(deps(s.api))).completionsChanged).toBe(false);
    expect(server.state.asked).toEqual([null, '"c1"']);
    expect(await loadCompletions(db)).toEqual({ completions: [done()], etag: '"c1"' });

    // A coordinator withdraws the mark: new list, new ETag.
    server.state.list = [done({ withdrawnAt: '2025-04-11T08:00:00.000Z', withdrawnReason: 'Fel datum' })];
    server.state.etag = '"c2"';
    expect((await syncOnce(deps(s.api))).completionsChanged).toBe(true);
    expect(server.state.asked.at(-1)).toBe('"c1"');
    expect(await loadCompletions(db)).toMatchObject({ etag: '"c2"', completions: [{ withdrawnReason: 'Fel datum' }] });
  });

  it('a failure keeps the stored copy and fails the run like the catalogue step, after the outbox was sent', async () => {
    const server = completionsServer();
    const s = scriptedApi((b) => s.applied(b), server.answer);
    await syncOnce(deps(s.api));
    await db.meta.delete('lastSyncAt');
    await saveEntry(db, trafficCheck(), ctx);

    server.state.fail = new NetworkFailure();
    await expect(syncOnce(deps(s.api))).rejects.toBeInstanceOf(NetworkFailure);
    expect(await countQueued(db)).toBe(0); // pushed before the step failed
    expect(await loadCompletions(db)).toEqual({ completions: [done()], etag: '"c1"' });
    expect(await getMeta(db, 'lastSyncAt')).toBeUndefined(); // the run did not succeed

    server.state.fail = new ApiFailure(500, 'internal', 'Serverfel.');
    await expect(syncOnce(deps(s.api))).rejects.toBeInstanceOf(ApiFailure);
    expect(await loadCompletions(db)).toEqual({ completions: [done()], etag: '"c1"' });
  });
});
