// One client with 1 000 queued entries syncing fully against the local server: the
// app's real sync engine in Chromium, the real server on loopback (PGlite), through a
// Vite proxy so the page and the API share an origin as in production.
import { createServer } from 'vite';
import { launchChromium } from './chromium.ts';
import { buildApp } from '../server/http/app.ts';
import { openPglite } from '../server/db/pglite.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedCatalogue } from '../server/catalogue/seed.ts';
import { createUser } from '../server/auth/users.ts';
import { SEED_CATALOGUE, withExamples } from '../src/domain/catalogue/index.ts';

export async function benchSyncClient(): Promise<Record<string, unknown>> {
  const db = await openPglite();
  await migrate(db);
  await seedCatalogue(db, withExamples(SEED_CATALOGUE));
  await createUser(db, { username: 'bench', displayName: 'Bench', password: 'bench-losen-123', roles: ['officer'], policeAreaId: 'hoglandet' });
  const app = await buildApp({ db, logger: false });
  const api = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${api}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-losen-123', deviceId: 'bench-device' }) });
  const session = (await login.json()) as { token: string; user: { id: string } };

  const vite = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'error',
    // No watcher: a source edit during a run must not reload the page under measurement.
    server: { port: 0, host: '127.0.0.1', proxy: { '/api': api }, hmr: false, watch: null },
    define: { __APP_VERSION__: '"bench"' },
  });
  await vite.listen();
  const port = (vite.httpServer!.address() as { port: number }).port;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/bench/browser/index.html`);
    await page.waitForFunction(() => 'runSyncBench' in window, null, { timeout: 60_000 });
    const r = (await page.evaluate(([t, o]) => (window as unknown as { runSyncBench: (t: string, o: string) => Promise<unknown> }).runSyncBench(t, o), [session.token, session.user.id] as const)) as Record<string, number>;
    console.log(`  1 000 queued entries synced in ${r.syncMs!.toFixed(0)} ms (goal < 2000 ms)`);
    return { sync1000: r };
  } finally {
    await browser.close();
    await vite.close();
    await app.close();
    await db.close();
  }
}
