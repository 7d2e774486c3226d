// The page tells the waiting worker to take over only after the officer agreed and
// open forms were saved as drafts (src/pwa/bridge.ts).
import { SKIP_WAITING } from '../src/domain/sw-messages.ts';

export function listenForUpdateApproval(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener('message', (event) => {
    if ((event.data as { type?: string } | null)?.type === SKIP_WAITING) void sw.skipWaiting();
  });
}
