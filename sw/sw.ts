/// <reference lib="webworker" />
// The service worker, as a list of what it does. Each job lives in its own module.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerAppShellRoute } from './app-shell.ts';
import { listenForUpdateApproval } from './update.ts';
import { registerBackgroundSync } from './background-sync.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// 1. Precache the build (the list is injected at build time) and drop caches of older builds.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Control the page that installed us at once (first install; an update only activates
// after the officer agreed, and that page reloads anyway).
clientsClaim();
// 2. Every navigation gets the app shell, so the app opens with no network. API calls are
//    never routed here: they hold personal data and must always be fresh.
registerAppShellRoute();
// 3. A new version waits until the officer agrees ("Ny version finns – uppdatera").
listenForUpdateApproval(self);
// 4. Where the browser has Background Sync, a queued push wakes the app's own sync.
registerBackgroundSync(self);
