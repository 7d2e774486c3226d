// One production build of the app per bench run, shared by the bundle-size and
// Lighthouse sections. It goes to a temp folder rather than dist/: other engineers'
// e2e runs serve dist/ at the same time, and a rebuild under them would swap the
// hashed asset names mid-test. `--manifest` adds .vite/manifest.json (the chunk graph
// the bundle section reads) and changes nothing else in the output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppBuild {
  dir: string;
  seconds: number;
}

let built: AppBuild | null = null;

export function buildAppOnce(): AppBuild {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'fieldlog-bench-dist-'));
  const t0 = performance.now();
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--manifest'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.signal}):\n${(r.stdout + r.stderr).slice(-4000)}`);
  built = { dir, seconds: (performance.now() - t0) / 1000 };
  console.log(`  built the app with vite build into ${dir} in ${built.seconds.toFixed(1)} s`);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return built;
}
