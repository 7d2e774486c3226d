// Bundles tests/e2e/fixtures/device.ts once (Vite, in memory) and runs it in the page.
import { build } from 'vite';
import type { Page } from '@playwright/test';

let bundled: Promise<string> | null = null;

function bundle(): Promise<string> {
  bundled ??= (async () => {
    const out = await build({
      configFile: false,
      logLevel: 'error',
      build: { write: false, minify: false, lib: { entry: 'tests/e2e/fixtures/device.ts', formats: ['iife'], name: 'fieldlogFixtureBundle', fileName: 'fixture' } },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
    const chunk = outputs[0]!.output.find((o) => o.type === 'chunk');
    return chunk!.code!;
  })();
  return bundled;
}

export async function injectFixture(page: Page): Promise<void> {
  // Through the DevTools protocol, not an inline <script>: the app's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the tests keep that policy on.
  await page.evaluate(await bundle());
}

export const EXAMPLE_PROMISE = 'nassjo-2025-exempel';
export const EXAMPLE_TRAFFIC = 'nassjo-2025-exempel-a3';
