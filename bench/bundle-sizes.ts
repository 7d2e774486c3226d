// Bundle sizes of the production build (lib/app-build.ts), gzip at level 9 (node:zlib,
// the smallest gzip; a server compressing on the fly at its default level 6 sends a
// little more). The log screen's initial JavaScript is what the build's budget counts
// (scripts/bundle-budget.ts, written to dist/budget.json): the entry chunk and its static
// imports, which draw the lock screen, plus the chunk the start fetches at once for the
// app behind the lock. The screens loaded on demand are read from .vite/manifest.json.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BudgetReport } from '../scripts/bundle-budget.ts';
import { buildAppOnce } from './lib/app-build.ts';

export const INITIAL_JS_GOAL_KIB = 60;
const GZIP_LEVEL = 9;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const kib = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;

function sizes(dir: string, file: string): { rawKiB: number; gzipKiB: number } {
  const data = readFileSync(join(dir, file));
  return { rawKiB: kib(data.length), gzipKiB: kib(gzipSync(data, { level: GZIP_LEVEL }).length) };
}

function sum(dir: string, files: Iterable<string>): { rawKiB: number; gzipKiB: number; files: number } {
  let raw = 0;
  let gz = 0;
  let n = 0;
  for (const f of files) {
    const data = readFileSync(join(dir, f));
    raw += data.length;
    gz += gzipSync(data, { level: GZIP_LEVEL }).length;
    n++;
  }
  return { rawKiB: kib(raw), gzipKiB: kib(gz), files: n };
}

/** The manifest keys a chunk pulls in statically, itself included. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) closure(manifest, k, seen);
  return seen;
}

/** Files index.html loads before any dynamic import, when there is no manifest. */
function initialFromHtml(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(files)];
}

export async function benchBundleSizes(): Promise<Record<string, unknown>> {
  const { dir } = buildAppOnce();
  const allJs = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const manifestPath = join(dir, '.vite', 'manifest.json');
  const out: Record<string, unknown> = { gzipLevel: GZIP_LEVEL };

  let initial: string[];
  const lazy: Record<string, unknown> = {};
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
    if (!entry) throw new Error('the manifest has no entry chunk');
    const initialKeys = closure(manifest, entry);
    initial = [...initialKeys].map((k) => manifest[k]!.file);
    out.source = '.vite/manifest.json';
    // Each screen loaded on demand: its own chunk, and what it adds with the shared
    // chunks it imports that the start has not loaded already.
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!chunk.isDynamicEntry) continue;
      const extra = [...closure(manifest, key)].filter((k) => !initialKeys.has(k)).map((k) => manifest[k]!.file);
      lazy[chunk.src ?? key] = { file: chunk.file, ownGzipKiB: sizes(dir, chunk.file).gzipKiB, withSharedGzipKiB: sum(dir, extra).gzipKiB };
    }
    const reached = new Set([...Object.values(manifest)].map((c) => c.file));
    const orphans = allJs.filter((f) => !reached.has(f));
    if (orphans.length > 0) out.jsNotInManifest = orphans;
  } else {
    initial = initialFromHtml(dir);
    out.source = 'index.html (no manifest)';
    for (const f of allJs.filter((x) => !initial.includes(x))) lazy[f] = { file: f, ownGzipKiB: sizes(dir, f).gzipKiB };
  }

  // The budget's own list, so the benchmark and the build count the same files.
  const budgetPath = join(dir, 'budget.json');
  if (existsSync(budgetPath)) {
    const budget = JSON.parse(readFileSync(budgetPath, 'utf8')) as BudgetReport;
    initial = budget.initialChunks.map((c) => c.file);
    out.beforeLockScreenGzipKiB = kib(budget.firstPaintGzipBytes);
  }
  const init = sum(dir, initial);
  out.logScreenInitialJs = { ...init, goalGzipKiB: INITIAL_JS_GOAL_KIB, chunks: initial.map((f) => ({ file: f, ...sizes(dir, f) })) };
  out.lazyChunks = lazy;
  out.lazyJsTotal = sum(dir, allJs.filter((f) => !initial.includes(f)));
  out.allJs = sum(dir, allJs);
  out.css = Object.fromEntries(readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.css')).map((f) => [`assets/${f}`, sizes(dir, `assets/${f}`)]));
  out.serviceWorker = existsSync(join(dir, 'sw.js')) ? sizes(dir, 'sw.js') : 'no sw.js in the build';
  out.indexHtml = sizes(dir, 'index.html');
  return out;
}
