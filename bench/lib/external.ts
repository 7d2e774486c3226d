// Benchmark-only tools (Lighthouse, chrome-launcher, PouchDB, pouchdb-server) live in
// bench/external with their own package.json and lockfile, so the app's
// `npm ci && npm test` never downloads them. They are loaded by file path from there:
// Node's resolution from bench/*.ts would only look in the root node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXTERNAL_DIR = fileURLToPath(new URL('../external/', import.meta.url));
const requireExternal = createRequire(join(EXTERNAL_DIR, 'package.json'));

/** `npm ci` into bench/external when its node_modules is missing (a fresh clone). */
export function ensureExternal(): void {
  if (existsSync(join(EXTERNAL_DIR, 'node_modules'))) return;
  console.log('  installing the benchmark-only packages (npm ci --prefix bench/external) …');
  // No install scripts are needed: leveldown ships prebuilt N-API binaries that load at run time.
  const r = spawnSync('npm', ['ci', '--prefix', EXTERNAL_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm ci --prefix bench/external failed (${r.status ?? r.signal})`);
}

/** Absolute path of a file in one of the external packages, e.g. 'pouchdb/dist/pouchdb.min.js'. */
export function externalPath(specifier: string): string {
  return requireExternal.resolve(specifier);
}

/** Import an external ES module; the caller states the small part of its API it uses. */
export async function importExternal<T>(specifier: string): Promise<T> {
  return (await import(pathToFileURL(externalPath(specifier)).href)) as T;
}
