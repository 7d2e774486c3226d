// "Logga ut": never discards queued work without the officer's explicit word. It syncs
// first; if anything is still queued or rejected it refuses unless `confirmLoss`. Then
// it ends the session on the server (which also answers Clear-Site-Data; that header
// does not reach an offline device, so the device wipes itself in any case) and wipes
// the database and every key but the device id.
import type { FieldLogDb } from '../db/index.ts';
import { ApiFailure, type Api } from '../sync/api.ts';
import { wipeIfDelivered, wipeNow } from '../sync/revoke.ts';
import { loadSession } from '../sync/session.ts';
import { FRESH_START } from './login-plan.ts';
import { waitingCount } from './unlock.ts';

export type LogoutResult =
  | { kind: 'refused'; waiting: number }
  /** `server`: 'ended', or 'notReached' (offline: the session expires on the server by itself). */
  | { kind: 'done'; server: 'ended' | 'notReached' | 'none' };

export interface LogoutDeps {
  db: FieldLogDb;
  api: Api;
  now: () => number;
  /** One sync run, to deliver what waits before deciding. */
  syncNow?: () => Promise<void>;
}

/** Defensive: the service worker never caches /api/ (sw/sw.ts); remove any such entry all the same. */
async function purgeApiCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) if (new URL(req.url).pathname.startsWith('/api/')) await cache.delete(req);
  }
}

export async function logout(deps: LogoutDeps, confirmLoss: boolean): Promise<LogoutResult> {
  const { db, api, now } = deps;
  if ((await waitingCount(db)) > 0 && deps.syncNow) await deps.syncNow().catch(() => undefined);
  const waiting = await waitingCount(db);
  if (waiting > 0 && !confirmLoss) return { kind: 'refused', waiting };

  let server: 'ended' | 'notReached' | 'none' = 'none';
  const session = await loadSession();
  if (session?.token) {
    try {
      await api('DELETE', '/session', { token: session.token });
      server = 'ended';
    } catch (e) {
      // 401: the session had already ended there.
      // Anything else (offline, a server error): the session expires there by itself.
      server = e instanceof ApiFailure && e.status === 401 ? 'ended' : 'notReached';
    }
  }
  if (confirmLoss) await wipeNow(db, now(), FRESH_START);
  else {
    // Counted again on a fresh connection (revoke.ts): an entry saved meanwhile stops the wipe.
    const outcome = await wipeIfDelivered(db, now(), FRESH_START);
    if (!outcome.wiped) return { kind: 'refused', waiting: outcome.waiting + outcome.rejected };
  }
  await purgeApiCaches().catch(() => undefined);
  return { kind: 'done', server };
}
