// All service-worker lifecycle code of the page: register, learn of a waiting update,
// apply it when the officer agrees, and relay Background Sync wake-ups.
import type { Workbox } from 'workbox-window';
import { SYNC_REQUESTED, SYNC_TAG } from '../domain/sw-messages.ts';

let wb: Workbox | null = null;
const updateListeners = new Set<() => void>();
const wakeListeners = new Set<() => void>();
let updateWaiting = false;

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // Loaded after the first render: registration never blocks the log screen.
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const fn of updateListeners) fn();
  });
  wb.addEventListener('message', (event) => {
    if ((event.data as { type?: string } | null)?.type === SYNC_REQUESTED) for (const fn of wakeListeners) fn();
  });
  await wb.register();
}

export function onUpdateWaiting(fn: () => void): () => void {
  updateListeners.add(fn);
  if (updateWaiting) fn();
  return () => updateListeners.delete(fn);
}

export function onSyncRequested(fn: () => void): () => void {
  wakeListeners.add(fn);
  return () => wakeListeners.delete(fn);
}

/**
 * Take the new version into use. `beforeReload` saves open forms as drafts first; the
 * outbox is in IndexedDB and is untouched by the switch.
 */
export async function applyUpdate(beforeReload: () => Promise<void>): Promise<void> {
  if (!wb) return;
  await beforeReload();
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
}

/** Ask the browser for a Background Sync after queueing work (Chromium only; elsewhere the page's triggers do it). */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker?.ready;
    const sync = (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync;
    await sync?.register(SYNC_TAG);
  } catch {
    // Not available or not allowed: the page's own triggers (online, visible, timer) cover it.
  }
}
