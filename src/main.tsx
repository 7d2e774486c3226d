// Boot: open the device database, render the app, register the service worker.
import { render } from 'preact';
import { getDb } from './db/index.ts';
import { getDeviceId } from './db/settings.ts';
import { Root } from './ui/app/Root.tsx';
import { registerServiceWorker } from './pwa/bridge.ts';
import './ui/styles.css';

async function main() {
  const db = getDb();
  const deviceId = await getDeviceId();
  render(<Root db={db} deviceId={deviceId} appVersion={__APP_VERSION__} />, document.getElementById('app')!);
  void registerServiceWorker();
}

void main();
