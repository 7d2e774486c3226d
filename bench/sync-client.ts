// One client with 1 000 queued entries syncing fully against the local server: the
// app's real sync engine in Chromium (IndexedDB on disk), the real server on loopback
// (PGlite, in this process), the page on the server's own origin as in production.
import { launchServer } from './lib/in-process-server.ts';
import { DiskBrowser } from './lib/browser.ts';
import { injectBundle } from './lib/page-bundle.ts';

export async function benchSyncClient(): Promise<Record<string, unknown>> {
  const server = await launchServer();
  const browser = new DiskBrowser();
  try {
    const page = await browser.open();
    // Any page of the server's origin will do: the bench code is injected, not the app.
    await page.goto(`${server.url}/api/v1/health`);
    await injectBundle(page, 'bench/browser/client-bench.ts');
    const r = (await page.evaluate(([t, o]) => (window as unknown as { runSyncBench: (t: string, o: string) => Promise<unknown> }).runSyncBench(t, o), [server.token, server.userId] as const)) as Record<string, number>;
    console.log(`  1 000 queued entries synced in ${r.syncMs!.toFixed(0)} ms (goal < 2000 ms)`);
    return { sync1000: r };
  } finally {
    await browser.dispose();
    await server.close();
  }
}
