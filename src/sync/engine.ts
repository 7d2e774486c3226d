// One sync run: push the outbox in batches, then pull what changed, then refresh the
// catalogue and the coordinators' completions. Everything the device needs survives any failure in between: the outbox
// shrinks only on the server's answer and the pull cursor moves with the data.
import type { Catalogue } from '../domain/catalogue/types.ts';
import type { CompletionsResponse, PullResponse, PushRequest, PushResponse, DeviceHeartbeat } from '../domain/sync.ts';
import { MAX_PULL_LIMIT } from '../domain/sync.ts';
import {
  type FieldLogDb,
  nextBatch,
  markSending,
  requeueSending,
  applyPushResults,
  countQueued,
  oldestQueuedAt,
  storePulledRevisions,
  getMeta,
  setMeta,
  saveCatalogue,
  loadCatalogue,
  saveCompletions,
  loadCompletions,
} from '../db/index.ts';
import { ApiFailure, type Api } from './api.ts';

export const PUSH_BATCH = 100;
const CURSOR_KEY = 'pullCursor';
export const LAST_SYNC_KEY = 'lastSyncAt';

export interface SyncDeps {
  db: FieldLogDb;
  api: Api;
  token: string;
  /** The session's user: only their revisions are pushed. */
  officerId: string;
  deviceId: string;
  appVersion: string;
  now: () => number;
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
  return { appVersion, queuedCount: await countQueued(db), oldestQueuedAt: await oldestQueuedAt(db) };
}

async function push(deps: SyncDeps, report: SyncReport): Promise<void> {
  const { db, api } = deps;
  // Items left 'sending' by a run that died are unanswered: send them again (the server dedups).
  await requeueSending(db);
  for (;;) {
    const batch = await nextBatch(db, PUSH_BATCH, deps.officerId);
    if (batch.length === 0) return;
    await markSending(db, batch.map((c) => c.item.seq!));
    const body: PushRequest = {
      deviceId: deps.deviceId,
      heartbeat: await heartbeat(db, deps.appVersion),
      changes: batch.map(({ revision: r }) => ({ id: r.id, rev: r.rev, op: r.op, entry: r.content, voidReason: r.voidReason, clientTime: r.clientTime })),
    };
    try {
      const res = await api<PushResponse>('POST', '/sync/push', { body, token: deps.token });
      await applyPushResults(db, res.data!.results);
      // Revoked, but the session may still push: go on until the queue is empty.
      if (res.data!.deviceRevoked) report.deviceRevoked = true;
      for (const r of res.data!.results) {
        if (r.status === 'applied' || r.status === 'duplicate') report.pushed++;
        else report.rejected++;
      }
    } catch (e) {
      await requeueSending(db);
      throw e;
    }
  }
}

async function pull(deps: SyncDeps, report: SyncReport): Promise<void> {
  const { db, api } = deps;
  for (;;) {
    const cursor = (await getMeta<number>(db, CURSOR_KEY)) ?? 0;
    const res = await api<PullResponse>('GET', `/sync/pull?cursor=${cursor}&limit=${MAX_PULL_LIMIT}`, { token: deps.token });
    const page = res.data!;
    await storePulledRevisions(db, page.revisions, { key: CURSOR_KEY, value: page.nextCursor });
    report.pulled += page.revisions.length;
    if (!page.hasMore) return;
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
    const hadQueued = (await countQueued(deps.db)) > 0;
    await push(deps, report);
    // A revoked device may only push; everything else would answer 403 device_revoked.
    if (report.deviceRevoked) return report;
    if (!hadQueued) {
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

export function isAuthFailure(e: unknown): boolean {
  return e instanceof ApiFailure && e.status === 401;
}

export function isDeviceRevoked(e: unknown): boolean {
  return e instanceof ApiFailure && e.status === 403 && e.code === 'device_revoked';
}

export function isPasswordChangeRequired(e: unknown): boolean {
  return e instanceof ApiFailure && e.status === 403 && e.code === 'password_change_required';
}
