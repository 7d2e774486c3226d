// After anything is queued: try to send now, and ask for a Background Sync in case the
// page is closed before the network returns.
import type { SyncController } from '../../sync/controller.ts';
import { requestBackgroundSync } from '../../pwa/bridge.ts';

export function afterWrite(sync: SyncController | null): void {
  void sync?.trigger();
  void requestBackgroundSync();
}
