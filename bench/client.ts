// Device-side figures measured in real Chromium: save latency and home-screen progress.
import { createServer } from 'vite';
import { launchChromium } from './chromium.ts';

export async function benchClient(): Promise<Record<string, unknown>> {
  // No watcher: a source edit during a run must not reload the page under measurement.
  const server = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null }, define: { __APP_VERSION__: '"bench"' } });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/bench/browser/index.html`);
    await page.waitForFunction(() => 'runBench' in window, null, { timeout: 60_000 });
    return (await page.evaluate(() => (window as unknown as { runBench: () => Promise<unknown> }).runBench())) as Record<string, unknown>;
  } finally {
    await browser.close();
    await server.close();
  }
}
