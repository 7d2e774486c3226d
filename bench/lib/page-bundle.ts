// Bench page code bundled once (Vite, in memory, one IIFE) and injected into a page on
// whatever origin the benchmark needs: the app server's, pouchdb-server's or a blank
// one. No Vite dev server: its dependency optimiser reloads the page when it discovers
// a dependency, which killed a run mid-measurement ("Execution context was destroyed").
import { build } from 'vite';
import type { Page } from 'playwright-core';

const bundles = new Map<string, Promise<string>>();

function bundle(entry: string): Promise<string> {
  let code = bundles.get(entry);
  if (!code) {
    code = (async () => {
      const out = await build({
        configFile: false,
        logLevel: 'error',
        define: { __APP_VERSION__: JSON.stringify('bench') },
        // Minified like the app's own build, so the page runs the code phones run.
        build: { write: false, minify: true, target: 'es2022', lib: { entry, formats: ['iife'], name: 'fieldlogBench', fileName: 'bench' } },
      });
      const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
      const chunk = outputs[0]!.output.find((o) => o.type === 'chunk');
      if (!chunk?.code) throw new Error(`bundling ${entry} produced no code`);
      return chunk.code;
    })();
    bundles.set(entry, code);
  }
  return code;
}

/** Bundle `entry` (a path from the repository root) and run it in the page. */
export async function injectBundle(page: Page, entry: string): Promise<void> {
  await page.addScriptTag({ content: await bundle(entry) });
}
