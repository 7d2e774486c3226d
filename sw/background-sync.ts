// Background Sync: when the browser has it, the page registers a sync tag after queueing
// an entry. The worker does not push by itself (the sync logic lives once, in the page's
// src/sync); it wakes an open page, and when none is open the page syncs on next start.
import { SYNC_REQUESTED, SYNC_TAG } from '../src/domain/sw-messages.ts';

interface SyncEvent extends ExtendableEvent {
  tag: string;
}

export function registerBackgroundSync(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener('sync', ((event: SyncEvent) => {
    if (event.tag !== SYNC_TAG) return;
    event.waitUntil(
      sw.clients.matchAll({ type: 'window' }).then((clients) => {
        for (const client of clients) client.postMessage({ type: SYNC_REQUESTED });
      }),
    );
  }) as EventListener);
}
