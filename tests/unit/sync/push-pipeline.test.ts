// The push loop of a sync run (src/sync/engine.ts): pipelined batches, what a failure
// puts back, the server's throttle and size limits, against a scripted server.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, saveEntry, correctEntry, countQueued, getEntry, listOutbox, outboxByEntry } from '../../../src/db/index.ts';
import { markSending } from '../../../src/db/outbox-push.ts';
import { syncOnce, MAX_THROTTLE_WAITS, MAX_THROTTLE_WAIT_MS, MIN_TIMEOUT_PART, type SyncDeps } from '../../../src/sync/engine.ts';
import { ApiFailure, NetworkFailure, type Api } from '../../../src/sync/api.ts';
import { utf8Length } from '../../../src/sync/pack.ts';
import { PUSH_BODY_LIMIT, type PushRequest, type PushResult } from '../../../src/domain/sync.ts';
import { SEED_CATALOGUE } from '../../../src/domain/catalogue/index.ts';
import type { EntryContent } from '../../../src/domain/entry.ts';
import { entrySyncState } from '../../../src/ui/features/entries/syncState.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
const ctx = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-05-01T10:00:00Z') };

beforeEach(async () => {
  db = new FieldLogDb(`push-${crypto.randomUUID()}`);
  await db.open();
});

async function saveMany(n: number, content: () => EntryContent = () => trafficCheck()): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await saveEntry(db, content(), ctx)).id);
  return ids;
}

/** A server whose push answers come from `onPush`; every other call answers as an idle server would. */
function server(onPush: (body: PushRequest, call: number) => Promise<PushResult[]> | PushResult[]) {
  let calls = 0;
  let seq = 0;
  const pushes: PushRequest[] = [];
  const api = (async (method: string, path: string, opts: { body?: unknown } = {}) => {
    if (path === '/sync/push') {
      const body = opts.body as PushRequest;
      pushes.push(body);
      return { status: 200, data: { results: await onPush(body, calls++) }, etag: null };
    }
    if (path.startsWith('/sync/pull')) return { status: 200, data: { revisions: [], nextCursor: 0, hasMore: false }, etag: null };
    if (path === '/catalogue') return { status: 200, data: SEED_CATALOGUE, etag: '"v1"' };
    if (path === '/completions') return { status: 200, data: { completions: [] }, etag: '"c"' };
    if (path === '/devices/heartbeat') return { status: 204, data: null, etag: null };
    throw new Error(`unexpected ${method} ${path}`);
  }) as Api;
  const applied = (b: PushRequest): PushResult[] => b.changes.map((c) => ({ id: c.id, rev: c.rev, status: 'applied', serverSeq: ++seq, serverTime: '2025-05-01T10:00:01.000Z' }));
  return { api, pushes, applied, sent: () => pushes.flatMap((p) => p.changes.map((c) => c.id)) };
}

const deps = (api: Api, over: Partial<SyncDeps> = {}): SyncDeps => ({ db, api, token: 't', officerId: 'o1', deviceId: 'd1', appVersion: 'test', now: ctx.now, pushBatch: 10, ...over });

/** Wait until `cond` holds (fake-indexeddb answers on later ticks); fails the test after 3 s. */
async function until(cond: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const sendingSeqs = async () => (await listOutbox(db)).filter((i) => i.state === 'sending').map((i) => i.seq!);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('a pipelined push', () => {
  it('keeps two batches on the wire and the next one marked, sends every item once and in order, shows each entry’s state', async () => {
    const ids = await saveMany(25);
    let late = '';
    let firstAnswered = false;
    const s = server(async (body, call) => {
      if (call === 0) {
        // The second batch goes out before the first is answered, and the third (read
        // while both are on the wire) is marked too: all 25 are 'sending'.
        await until(async () => s.pushes.length === 2 && (await sendingSeqs()).join() === range(1, 25).join(), 'the second batch on the wire and the third marked');
        const outbox = await outboxByEntry(db);
        expect(entrySyncState((await getEntry(db, ids[0]!))!, outbox.get(ids[0]!))).toBe('sending');
        expect(entrySyncState((await getEntry(db, ids[24]!))!, outbox.get(ids[24]!))).toBe('sending');
        // Saved during the run: after the run's cursor, so it goes in a later batch.
        late = (await saveEntry(db, trafficCheck(), ctx)).id;
        expect(entrySyncState((await getEntry(db, late))!, (await outboxByEntry(db)).get(late))).toBe('local');
        firstAnswered = true;
      }
      // Never a third on the wire: the third batch waits for the first answer.
      if (call === 2) expect(firstAnswered).toBe(true);
      return s.applied(body);
    });
    const report = await syncOnce(deps(s.api));
    expect(s.pushes.map((p) => p.changes.length)).toEqual([10, 10, 5, 1]);
    expect(s.sent()).toEqual([...ids, late]);
    expect(report).toMatchObject({ pushed: 26, rejected: 0 });
    expect(await countQueued(db)).toBe(0);
    expect(entrySyncState((await getEntry(db, ids[0]!))!, (await outboxByEntry(db)).get(ids[0]!))).toBe('server');
    // Each heartbeat says what waited when its batch was read: the run's count less what
    // it took before, and at least the batch itself (the late save was not counted at the start).
    expect(s.pushes.map((p) => p.heartbeat.queuedCount)).toEqual([25, 15, 5, 1]);
    expect(s.pushes[0]!.heartbeat.oldestQueuedAt).toBe('2025-05-01T10:00:00.000Z');
  });

  it('never has an entry in two pushes at once: a batch with a later revision waits for the one before', async () => {
    const ids = await saveMany(12);
    // Revision 2 of the first entry lands in the second batch (seq 13).
    await correctEntry(db, ids[0]!, trafficCheck(), ctx);
    let onWire = 0;
    let most = 0;
    const seen: string[] = [];
    const s = server(async (body) => {
      onWire++;
      most = Math.max(most, onWire);
      // Give a concurrent push every chance to start before this one answers.
      await new Promise((r) => setTimeout(r, 20));
      seen.push(...body.changes.map((c) => `${c.id === ids[0] ? 'first' : 'other'}#${c.rev}`));
      onWire--;
      return s.applied(body);
    });
    await syncOnce(deps(s.api));
    expect(s.pushes.map((p) => p.changes.length)).toEqual([10, 3]);
    expect(most).toBe(1);
    expect(seen.indexOf('first#1')).toBeLessThan(seen.indexOf('first#2'));
    expect(await countQueued(db)).toBe(0);
  });

  it('a failure mid-pipeline puts back exactly the items in flight; the next run sends them once', async () => {
    const ids = await saveMany(25);
    // Another officer's item, in flight in another tab's run: not this run's to put back.
    await saveEntry(db, trafficCheck(), { ...ctx, officerId: 'o2' });
    const failing = server(async (body, call) => {
      if (call === 0) return failing.applied(body);
      // Both pushes still on the wire wait here, and the first through marks 26: the other
      // must still see its condition, so it asks for 11–25 among the seqs, not for them alone.
      await until(async () => { const sending = new Set(await sendingSeqs()); return range(11, 25).every((n) => sending.has(n)); }, 'the third batch to be marked');
      await markSending(db, [26]);
      throw new NetworkFailure();
    });
    await expect(syncOnce(deps(failing.api))).rejects.toBeInstanceOf(NetworkFailure);
    const left = await listOutbox(db);
    expect(left.map((i) => `${i.seq}:${i.state}`)).toEqual([...range(11, 25).map((n) => `${n}:queued`), '26:sending']);

    const ok = server((body) => ok.applied(body));
    const report = await syncOnce(deps(ok.api));
    expect(ok.sent()).toEqual(ids.slice(10));
    expect(report.pushed).toBe(15);
  });

  it('a failure while storing answers puts back what was in flight', async () => {
    await saveMany(15);
    const s = server((body) => s.applied(body));
    // The receipts of the first batch cannot be stored (a full disk, a closed database);
    // answers are stored through the bookkeeping connection (src/db/schema.ts).
    const receipts = db.bookkeeping().receipts;
    const original = receipts.add.bind(receipts);
    let broken = true;
    receipts.add = ((...args: Parameters<typeof original>) => (broken ? Promise.reject(new Error('QuotaExceededError')) : original(...args))) as typeof original;
    await expect(syncOnce(deps(s.api))).rejects.toThrow('QuotaExceededError');
    broken = false;
    expect((await listOutbox(db)).every((i) => i.state === 'queued')).toBe(true);
    expect(await countQueued(db)).toBe(15);
  });

  it('a revoked device goes on until everything is pushed', async () => {
    await saveMany(25);
    const s = server((body) => s.applied(body));
    const api = (async (method: string, path: string, opts?: { body?: unknown }) => {
      const res = await s.api<{ results: PushResult[] }>(method, path, opts);
      return path === '/sync/push' ? { ...res, data: { ...res.data, deviceRevoked: true } } : res;
    }) as Api;
    const report = await syncOnce(deps(api));
    expect(report).toMatchObject({ deviceRevoked: true, pushed: 25 });
    expect(await countQueued(db)).toBe(0);
  });
});

describe('the server’s limits', () => {
  it('waits out the push throttle (429 Retry-After) and goes on with the same batch', async () => {
    await saveMany(25);
    const slept: number[] = [];
    let throttled = false;
    const s = server((body, call) => {
      if (call === 1 && !throttled) {
        throttled = true;
        throw new ApiFailure(429, 'rate_limited', 'För många förfrågningar på kort tid. Försök igen om 2 s.', { retryAfterSeconds: 2 });
      }
      return s.applied(body);
    });
    const report = await syncOnce(deps(s.api, { sleep: async (ms) => void slept.push(ms) }));
    expect(slept).toEqual([2000]);
    expect(s.pushes.map((p) => p.changes.length)).toEqual([10, 10, 10, 5]);
    expect(s.pushes[2]).toEqual(s.pushes[1]);
    expect(report.pushed).toBe(25);
  });

  it('caps each wait, and after too many throttled answers in a row ends the run with the queue intact', async () => {
    await saveMany(5);
    const slept: number[] = [];
    const s = server(() => {
      throw new ApiFailure(429, 'rate_limited', 'Vänta.', { retryAfterSeconds: 3600 });
    });
    await expect(syncOnce(deps(s.api, { sleep: async (ms) => void slept.push(ms) }))).rejects.toMatchObject({ status: 429 });
    expect(slept).toEqual(Array(MAX_THROTTLE_WAITS).fill(MAX_THROTTLE_WAIT_MS));
    expect((await listOutbox(db)).map((i) => i.state)).toEqual(Array(5).fill('queued'));
  });

  it('splits a batch the server refuses as too large, in parts of the size it names', async () => {
    const ids = await saveMany(25);
    const s = server((body) => {
      if (body.changes.length > 4) throw new ApiFailure(413, 'payload_too_large', 'Högst 4 ändringar per förfrågan.', { maxChanges: 4, received: body.changes.length });
      return s.applied(body);
    });
    const report = await syncOnce(deps(s.api));
    const accepted = s.pushes.filter((p) => p.changes.length <= 4);
    expect(accepted.map((p) => p.changes.length)).toEqual([4, 4, 2, 4, 4, 2, 4, 1]);
    expect(accepted.flatMap((p) => p.changes.map((c) => c.id))).toEqual(ids);
    expect(report.pushed).toBe(25);
  });

  it('on a slow uplink, sends a batch that timed out in halves, down to a floor', async () => {
    const ids = await saveMany(250);
    const timedOut = new NetworkFailure('Servern svarade inte i tid.', true);
    const s = server((body) => {
      if (body.changes.length > 100) throw timedOut;
      return s.applied(body);
    });
    const report = await syncOnce(deps(s.api, { pushBatch: undefined }));
    expect(s.pushes.map((p) => p.changes.length)).toEqual([250, 125, 62, 62, 62, 62, 2]);
    expect(s.pushes.slice(2).flatMap((p) => p.changes.map((c) => c.id))).toEqual(ids);
    expect(report.pushed).toBe(250);

    await saveMany(MIN_TIMEOUT_PART);
    const never = server(() => {
      throw timedOut;
    });
    await expect(syncOnce(deps(never.api, { pushBatch: undefined }))).rejects.toBe(timedOut);
    expect(never.pushes.map((p) => p.changes.length)).toEqual([MIN_TIMEOUT_PART]);
    expect((await listOutbox(db)).map((i) => i.state)).toEqual(Array(MIN_TIMEOUT_PART).fill('queued'));
  });

  it('never sends a body over the server’s limit, however long the notes', async () => {
    // 80 + 500 control characters: JSON writes each as \u0001, six bytes: about 3.9 KB a change,
    // so half again as many as fill the limit need more than one push.
    const heavy = () => trafficCheck({ place: '\u0001'.repeat(80), note: '\u0001'.repeat(500) });
    const ids = await saveMany(Math.ceil((1.5 * PUSH_BODY_LIMIT) / 3_900), heavy);
    const s = server((body) => {
      expect(utf8Length(JSON.stringify(body))).toBeLessThanOrEqual(PUSH_BODY_LIMIT);
      return s.applied(body);
    });
    await syncOnce(deps(s.api, { pushBatch: undefined }));
    expect(s.pushes.length).toBeGreaterThan(1);
    expect(s.sent()).toEqual(ids);
  });
});
