// Boot: render the app (over the static boot line of index.html) while the database layer
// loads, then register the service worker. The first screen at every start is the lock,
// which needs no database: Dexie and the log screen come in their own chunk, fetched once
// that screen is painted (Root), instead of holding up its first paint.
import { render } from 'preact';
import type { FieldLogDb } from './db/index.ts';
import { getDeviceId } from './db/settings.ts';
import { Root } from './ui/app/Root.tsx';
import { firstScreenPainted } from './ui/app/first-screen.ts';
import { registerServiceWorker } from './pwa/bridge.ts';
import { setLanguage, storedLanguage } from './ui/i18n/index.ts';
import './ui/styles.css';

async function main() {
  let opening: Promise<FieldLogDb> | null = null;
  // Once; a failed fetch (a first visit losing the network) is tried again on the next call.
  const db = () =>
    (opening ??= import('./db/open.ts')
      .then((m) => m.getDb())
      .catch((e: unknown) => {
        opening = null;
        throw e;
      }));
  // English is a separate chunk, fetched (or read from the precache) only when chosen.
  const [deviceId] = await Promise.all([getDeviceId(), storedLanguage() === 'en' ? setLanguage('en') : undefined]);
  render(<Root db={db} deviceId={deviceId} appVersion={__APP_VERSION__} />, document.getElementById('app')!);
  // The worker (and workbox-window) after the first screen is painted, not in its way.
  void firstScreenPainted.then(registerServiceWorker);
}

void main();
