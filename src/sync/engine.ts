// One sync run: push the outbox in batches, then pull what changed, then refresh the
// catalogue and the coordinators' completions. Everything the device needs survives any failure in between: the outbox
// shrinks only on the server's answer and the pull cursor moves with the data.
import type { Catalogue } from '../domain/catalogue/types.ts';
import type { CompletionsResponse, PullResponse, PushChange, PushRequest, PushResponse, PushResult, DeviceHeartbeat } from '../domain/sync.ts';
import { MAX_PULL_LIMIT, MAX_PUSH_BATCH } from '../domain/sync.ts';
import {
  type FieldLogDb,
  type OutboxItem,
  foldReceipts,
  countQueued,
  oldestQueuedAt,
  outboxSummary,
  storePulledRevisions,
  getMeta,
  setMeta,
  saveCatalogue,
  loadCatalogue,
  saveCompletions,
  loadCompletions,
} from '../db/index.ts';
import { nextBatch, markSending, requeueSending, applyPushResults, deleteAcknowledged } from '../db/outbox-push.ts';
import { ApiFailure, NetworkFailure, type Api } from './api.ts';
import { fitsInBody } from './pack.ts';
import { CURSOR_KEY, LAST_SYNC_KEY } from './meta-keys.ts';

/** Changes read per push: the server's maximum; fewer when their bytes would not fit (pack.ts). */
export const PUSH_BATCH = MAX_PUSH_BATCH;
/** The longest one wait on the server's push throttle (its Retry-After) may be. */
export const MAX_THROTTLE_WAIT_MS = 60_000;
/** Throttled answers in a row for one push before the run gives up (quietly: controller.ts). */
export const MAX_THROTTLE_WAITS = 10;
export { LAST_SYNC_KEY } from './meta-keys.ts';

export interface SyncDeps {
  db: FieldLogDb;
  api: Api;
  token: string;
  /** The session's user: only their revisions are pushed. */
  officerId: string;
  deviceId: string;
  appVersion: string;
  now: () => number;
  /** Waits out the server's throttle (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Changes read per push; PUSH_BATCH unless a test wants many batches from few entries. */
  pushBatch?: number;
}

export interface SyncReport {
  pushed: number;
  rejected: number;
  pulled: number;
  catalogueChanged: boolean;
  /** The completions changed on the server (200) rather than being answered 304. */
  completionsChanged: boolean;
  /**
   * An admin revoked this device: a push said so, or a call answered 403 device_revoked.
   * The run pushed everything it could and stopped there; see revoke.ts for the wipe.
   */
  deviceRevoked: boolean;
}

async function heartbeat(db: FieldLogDb, appVersion: string): Promise<DeviceHeartbeat> {
  return { appVersion, ...(await outboxSummary(db)) };
}

/** One push's worth of the outbox, read, opened and marked 'sending'. */
interface Batch {
  items: OutboxItem[];
  changes: PushChange[];
  heartbeat: DeviceHeartbeat;
}

/** How many items waited when the run began, and how many it has taken since. */
interface RunCount {
  atStart: number;
  taken: number;
}

/**
 * Read, open and pack the next batch after `afterSeq`, and mark it 'sending'. The seqs
 * it marks are added to `inFlight` before it resolves, so a failure anywhere later can
 * put exactly those back. The heartbeat's count is derived from the run's, not counted
 * again: a count walks every item with its sealed revision (about 20 ms a batch on a
 * 10 000-item outbox in Chromium); the oldest is one read.
 */
async function takeBatch(deps: SyncDeps, afterSeq: number, inFlight: Set<number>, count: RunCount, size: number): Promise<Batch | null> {
  const { db } = deps;
  const [queued, oldest] = await Promise.all([nextBatch(db, size, deps.officerId, { afterSeq }), oldestQueuedAt(db)]);
  if (queued.length === 0) return null;
  const all = queued.map(({ revision: r }): PushChange => ({ id: r.id, rev: r.rev, op: r.op, entry: r.content, voidReason: r.voidReason, clientTime: r.clientTime }));
  // Those that do not fit wait for the next batch, which starts after the last one taken.
  const n = fitsInBody(all);
  const items = queued.slice(0, n).map((c) => c.item);
  const seqs = items.map((i) => i.seq!);
  for (const seq of seqs) inFlight.add(seq);
  // What waited at the start less what the run took before this batch; at least this batch (saved during the run).
  const queuedCount = Math.max(count.atStart - count.taken, n);
  count.taken += n;
  await markSending(db, seqs);
  return { items, changes: all.slice(0, n), heartbeat: { appVersion: deps.appVersion, queuedCount, oldestQueuedAt: oldest } };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long the server asked us to wait (429 Retry-After, in the error's details), capped. */
function throttleWaitMs(e: ApiFailure): number {
  const seconds = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const ms = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
  return Math.min(ms, MAX_THROTTLE_WAIT_MS);
}

/**
 * POST one push. The server's throttle (429, server/http/throttle.ts) is not a failure:
 * wait as long as it says and send the same body again. Only after MAX_THROTTLE_WAITS in
 * a row does the 429 end the run.
 */
async function postPush(deps: SyncDeps, body: PushRequest): Promise<PushResponse> {
  for (let waits = 0; ; waits++) {
    try {
      return (await deps.api<PushResponse>('POST', '/sync/push', { body, token: deps.token })).data!;
    } catch (e) {
      if (!(e instanceof ApiFailure && e.status === 429) || waits >= MAX_THROTTLE_WAITS) throw e;
      await (deps.sleep ?? realSleep)(throttleWaitMs(e));
    }
  }
}

/** The smallest part a timed-out push is split into; below it a timeout ends the run as before. */
export const MIN_TIMEOUT_PART = 50;

/** A smaller part size after a 413 or a timeout, or null when splitting cannot help. */
function smallerPart(e: unknown, size: number): number | null {
  // A slow uplink: 1 000 changes are about 480 KB, which a poor connection may not carry
  // within the request timeout. The server may have applied it; sent again, it dedups.
  if (e instanceof NetworkFailure && e.timedOut) return size >= 2 * MIN_TIMEOUT_PART ? Math.floor(size / 2) : null;
  if (!(e instanceof ApiFailure && e.status === 413) || size <= 1) return null;
  const max = (e.details as { maxChanges?: unknown } | undefined)?.maxChanges;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 && max < size ? max : Math.floor(size / 2);
}

/**
 * Send a batch and collect the answers. One request, unless the server refuses it as too
 * large (a server with a lower limit than this app's, during a rolling upgrade) or it
 * times out: then in smaller parts, a size that `limit` keeps for the rest of the run.
 */
async function sendBatch(deps: SyncDeps, batch: Batch, limit: { parts: number }): Promise<PushResponse> {
  const results: PushResult[] = [];
  let deviceRevoked = false;
  for (let i = 0; i < batch.changes.length; ) {
    const changes = batch.changes.slice(i, i + limit.parts);
    let res: PushResponse;
    try {
      res = await postPush(deps, { deviceId: deps.deviceId, heartbeat: batch.heartbeat, changes });
    } catch (e) {
      const smaller = smallerPart(e, changes.length);
      if (smaller === null) throw e;
      limit.parts = smaller;
      continue;
    }
    results.push(...res.results);
    deviceRevoked ||= res.deviceRevoked === true;
    i += changes.length;
  }
  return { results, deviceRevoked };
}

const settle = (p: Promise<unknown>) => p.then(() => {}, () => {});

/**
 * Pushes on the wire at once. With one, every batch paid a whole round trip and the
 * server sat idle between batches (on a car's mobile link, most of a backlog's time);
 * with two, the server has the next batch as soon as it has answered one. Never an
 * entry in two at once (see push), so the server still sees its revisions in order.
 */
export const MAX_PUSHES_IN_FLIGHT = 2;

/**
 * Sizes of a run's first batches; then full ones (PUSH_BATCH, or pushBatch). Reading and
 * opening a full batch takes the device 60-70 ms in Chromium, and the server waited for
 * it; a quarter of one is sent sooner, and the next batch is read while the server works
 * on it. Measured on a 10 000-entry backlog: the first push left 61-82 ms after the start
 * instead of 111-125 ms. On a poor link the first answer also comes after 120 KB on the
 * wire rather than 480 KB.
 */
export const FIRST_PUSHES: readonly number[] = [250, 500];

interface OnTheWire {
  batch: Batch;
  answer: Promise<PushResponse>;
  ids: Set<string>;
}

/**
 * Push the outbox, pipelined: up to MAX_PUSHES_IN_FLIGHT batches on the wire, the next
 * one read, opened and marked meanwhile, and answers stored in the order sent. A batch
 * that names an entry a batch on the wire also names waits until that one is answered,
 * so the server applies an entry's revisions in the order they were made. The next
 * batch starts after the last seq taken, so no item is sent twice in a run. On any
 * failure the answers already received are stored, and the items this run marked
 * 'sending' and has no answer for go back to the queue.
 */
async function push(deps: SyncDeps, report: SyncReport, queuedAtStart: number): Promise<void> {
  const { db } = deps;
  const count: RunCount = { atStart: queuedAtStart, taken: 0 };
  // Items left 'sending' by a run that died are unanswered: send them again (the server dedups).
  await requeueSending(db);
  const inFlight = new Set<number>();
  const full = deps.pushBatch ?? PUSH_BATCH;
  const limit = { parts: full };
  const wire: OnTheWire[] = [];
  let taken = 0;
  const size = () => Math.min(full, FIRST_PUSHES[taken++] ?? full);
  let next = takeBatch(deps, 0, inFlight, count, size());
  let storing: Promise<void> = Promise.resolve();
  // Awaited later: a failure meanwhile must not count as unhandled.
  void settle(next);
  const storeOldest = async () => {
    const { batch, answer } = wire.shift()!;
    const res = await answer;
    await storing;
    storing = storeAnswers(deps, report, batch.items, res, inFlight);
    void settle(storing);
  };
  try {
    for (;;) {
      const batch = await next;
      if (!batch) break;
      const ids = new Set(batch.changes.map((c) => c.id));
      while (wire.length >= MAX_PUSHES_IN_FLIGHT || wire.some((w) => batch.changes.some((c) => w.ids.has(c.id)))) await storeOldest();
      const answer = sendBatch(deps, batch, limit);
      void settle(answer);
      wire.push({ batch, answer, ids });
      next = takeBatch(deps, batch.items.at(-1)!.seq!, inFlight, count, size());
      void settle(next);
    }
    while (wire.length > 0) await storeOldest();
    await storing;
  } catch (e) {
    await Promise.all([settle(next), settle(storing)]);
    // What the server did answer is kept (a later batch may have been applied while an
    // earlier one failed); the rest would only be answered 'duplicate' next time.
    for (const w of wire) {
      await w.answer.then(
        (res) => storeAnswers(deps, report, w.batch.items, res, inFlight),
        () => {},
      ).catch(() => {});
    }
    await requeueSending(db, [...inFlight]);
    throw e;
  }
}

async function storeAnswers(deps: SyncDeps, report: SyncReport, items: OutboxItem[], res: PushResponse, inFlight: Set<number>): Promise<void> {
  await applyPushResults(deps.db, res.results, items);
  for (const i of items) inFlight.delete(i.seq!);
  // Revoked, but the session may still push: go on until the queue is empty.
  if (res.deviceRevoked) report.deviceRevoked = true;
  for (const r of res.results) {
    if (r.status === 'applied' || r.status === 'duplicate') report.pushed++;
    else report.rejected++;
  }
}

/**
 * Pull every page after the stored cursor. The next page is fetched while this one is
 * stored; each page's cursor is stored in the same transaction as its revisions, so a
 * failure anywhere only means pulling from there again.
 */
async function pull(deps: SyncDeps, report: SyncReport): Promise<void> {
  const { db, api } = deps;
  const fetchPage = async (cursor: number) => (await api<PullResponse>('GET', `/sync/pull?cursor=${cursor}&limit=${MAX_PULL_LIMIT}`, { token: deps.token })).data!;
  let page = await fetchPage((await getMeta<number>(db, CURSOR_KEY)) ?? 0);
  for (;;) {
    const next = page.hasMore ? fetchPage(page.nextCursor) : null;
    if (next) void settle(next);
    await storePulledRevisions(db, page.revisions, { key: CURSOR_KEY, value: page.nextCursor });
    report.pulled += page.revisions.length;
    if (!next) return;
    page = await next;
  }
}

async function refreshCatalogue(deps: SyncDeps): Promise<boolean> {
  const current = await loadCatalogue(deps.db);
  const res = await deps.api<Catalogue>('GET', '/catalogue', { token: deps.token, ifNoneMatch: current?.etag ?? null });
  if (res.status === 304 || !res.data) return false;
  await saveCatalogue(deps.db, res.data, res.etag);
  return true;
}

/** The area's completions for the tallies, fetched only when their ETag changed. */
async function refreshCompletions(deps: SyncDeps): Promise<boolean> {
  const current = await loadCompletions(deps.db);
  const res = await deps.api<CompletionsResponse>('GET', '/completions', { token: deps.token, ifNoneMatch: current?.etag ?? null });
  if (res.status === 304 || !res.data) return false;
  await saveCompletions(deps.db, res.data.completions, res.etag);
  return true;
}

/** Run one full sync. Throws ApiFailure or NetworkFailure; whatever was done before stays done. */
export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, rejected: 0, pulled: 0, catalogueChanged: false, completionsChanged: false, deviceRevoked: false };
  try {
    const queuedAtStart = await countQueued(deps.db);
    await push(deps, report, queuedAtStart);
    // A revoked device may only push; everything else would answer 403 device_revoked.
    if (report.deviceRevoked) return report;
    if (queuedAtStart === 0) {
      await deps.api('POST', '/devices/heartbeat', { body: { deviceId: deps.deviceId, ...(await heartbeat(deps.db, deps.appVersion)) }, token: deps.token });
    }
    await pull(deps, report);
    report.catalogueChanged = await refreshCatalogue(deps);
    report.completionsChanged = await refreshCompletions(deps);
  } catch (e) {
    // Whatever was pushed before the refusal stays pushed; the rest waits (revoke.ts decides on the wipe).
    if (isDeviceRevoked(e)) {
      report.deviceRevoked = true;
      return report;
    }
    throw e;
  }
  await setMeta(deps.db, LAST_SYNC_KEY, new Date(deps.now()).toISOString());
  return report;
}

const folding = new WeakMap<FieldLogDb, Promise<number>>();

/**
 * Fold the receipts into the records (receipts.ts) after a run, not inside it: nothing
 * waits on the fold, since every reader merges the receipts not folded yet, and after a
 * large backlog it is most of the device's work (about 5 s for 10 000 entries in
 * Chromium), which kept the sync bar at "Synkar…" that long. After the pull, which skips
 * the device's own revisions coming back by their receipts, so each record is written
 * once. One fold at a time per database; a next run may overlap it (both work in short
 * transactions that re-read the receipts). A fold that fails (the database closed for a
 * wipe, a full disk) leaves its receipts for the next one. The answered outbox items are
 * deleted first, for the same reason and in the same way (deleteAcknowledged). Resolves
 * with how many stamps were folded.
 */
export function foldAfterRun(db: FieldLogDb): Promise<number> {
  let running = folding.get(db);
  if (!running) {
    running = (async () => {
      await deleteAcknowledged(db).catch(() => 0);
      return foldReceipts(db).catch(() => 0);
    })().finally(() => folding.delete(db));
    folding.set(db, running);
  }
  return running;
}

export function isAuthFailure(e: unknown): boolean {
  return e instanceof ApiFailure && e.status === 401;
}

export function isDeviceRevoked(e: unknown): boolean {
  return e instanceof ApiFailure && e.status === 403 && e.code === 'device_revoked';
}

export function isPasswordChangeRequired(e: unknown): boolean {
  return e instanceof ApiFailure && e.status === 403 && e.code === 'password_change_required';
}
