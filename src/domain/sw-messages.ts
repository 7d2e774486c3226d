// Names shared by the page (src/pwa) and the service worker (sw/), so the two sides
// of each message are spelled once.
/** What workbox-window's messageSkipWaiting() sends. */
export const SKIP_WAITING = 'SKIP_WAITING';
/** Background Sync tag registered after queueing an entry. */
export const SYNC_TAG = 'push-outbox';
/** Sent by the worker to open pages when a Background Sync fires. */
export const SYNC_REQUESTED = 'SYNC_REQUESTED';
