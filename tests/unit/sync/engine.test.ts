// The client's sync run against a scripted server: what leaves the outbox, what stays.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, saveEntry, countQueued, getEntry, nextBatch, getMeta, loadCatalogue } from '../../../src/db/index.ts';
import { syncOnce, PUSH_BATCH } from '../../../src/sync/engine.ts';
import { ApiFailure, NetworkFailure, type Api } from '../../../src/sync/api.ts';
import type { PushRequest, PushResult } from '../../../src/domain/sync.ts';
import { SEED_CATALOGUE } from '../../../src/domain/catalogue/index.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
const ctx = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-05-01T10:00:00Z') };

beforeEach(async () => {
  db = new FieldLogDb(`sync-${crypto.randomUUID()}`);
  await db.open();
});

function scriptedApi(onPush: (body: PushRequest, call: number) => PushResult[] | Error) {
  let calls = 0;
  let seq = 0;
  const pushes: PushRequest[] = [];
  const api = (async (method: string, path: string, opts: { body?: unknown } = {}) => {
    if (path === '/sync/push') {
      const body = opts.body as PushRequest;
      pushes.push(body);
      const r = onPush(body, calls++);
      if (r instanceof Error) throw r;
      return { status: 200, data: { results: r }, etag: null };
    }
    if (path.startsWith('/sync/pull')) return { status: 200, data: { revisions: [], nextCursor: seq, hasMore: false }, etag: null };
    if (path === '/catalogue') return { status: 200, data: SEED_CATALOGUE, etag: '"v1"' };
    if (path === '/devices/heartbeat') return { status: 204, data: null, etag: null };
    throw new Error(`unexpected ${method} ${path}`);
  }) as Api;
  const applied = (b: PushRequest): PushResult[] => b.changes.map((c) => ({ id: c.id, rev: c.rev, status: 'applied', serverSeq: ++seq, serverTime: '2025-05-01T10:00:01.000Z' }));
  return { api, pushes, applied };
}

const deps = (api: Api) => ({ db, api, token: 't', officerId: 'o1', deviceId: 'd1', appVersion: 'test', now: ctx.now });

describe('a sync run', () => {
  it('pushes in batches, stamps server receipts, empties the outbox, stores the catalogue', async () => {
    for (let i = 0; i < PUSH_BATCH + 5; i++) await saveEntry(db, trafficCheck(), ctx);
    const s = scriptedApi((b) => s.applied(b));
    const report = await syncOnce(deps(s.api));
    expect(s.pushes.map((p) => p.changes.length)).toEqual([PUSH_BATCH, 5]);
    expect(s.pushes[0]!.heartbeat.queuedCount).toBe(PUSH_BATCH + 5);
    expect(report.pushed).toBe(PUSH_BATCH + 5);
    expect(await countQueued(db)).toBe(0);
    expect((await loadCatalogue(db))?.etag).toBe('"v1"');
    expect(await getMeta(db, 'lastSyncAt')).toBe('2025-05-01T10:00:00.000Z');
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
