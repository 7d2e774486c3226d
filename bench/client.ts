// Device-side figures measured in real Chromium: save latency (strict durability, on a
// profile on disk), home-screen progress and the dashboard arithmetic.
import { startBlankOrigin } from './lib/blank-origin.ts';
import { DiskBrowser } from './lib/browser.ts';
import { injectBundle } from './lib/page-bundle.ts';

export async function benchClient(): Promise<Record<string, unknown>> {
  const origin = await startBlankOrigin();
  const browser = new DiskBrowser();
  try {
    const page = await browser.open();
    await page.goto(origin.url);
    await injectBundle(page, 'bench/browser/client-bench.ts');
    return (await page.evaluate(() => (window as unknown as { runBench: () => Promise<unknown> }).runBench())) as Record<string, unknown>;
  } finally {
    await browser.dispose();
    await origin.close();
  }
}
