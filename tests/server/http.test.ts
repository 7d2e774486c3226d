// The HTTP shell: JSON errors everywhere, no-store on the API, request ids, logs free of
// secrets, and the built app served with PWA-safe caching.
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../server/http/static.ts';
import { precompressDir } from '../../scripts/precompress.ts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testApp, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { PASSWORD, setupWorld, upsert } from './support/fixtures.ts';

describe('cache policy of static files', () => {
  it('revalidates the shell and the service worker, caches hashed assets for a year', () => {
    expect(cacheControlFor('/srv/dist/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/dist/sw.js')).toBe('no-cache');
    expect(cacheControlFor('/srv/dist/manifest.webmanifest')).toBe('no-cache');
    expect(cacheControlFor('/srv/dist/assets/index-3f9a1c.js')).toBe('public, max-age=31536000, immutable');
  });
});

const BIG_JS = `export const texts = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `registrering ${i}`))};`;

describeBackends('http', (backend) => {
  let t: TestDb;
  let api: Api;
  let staticApi: Api;
  let dir: string;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupWorld(t.db);
    dir = await mkdtemp(join(tmpdir(), 'mbl-dist-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Medborgarlöfte</title>');
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(dir, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
    // What scripts/precompress.ts writes at build time, for a file worth compressing.
    await writeFile(join(dir, 'assets', 'big-9e8d7c.js'), BIG_JS);
    await writeFile(join(dir, 'sw.js'), `// worker\n${BIG_JS}`);
    precompressDir(dir);
    ({ api } = await testApp(t.db, { logger: true, logStream: { write: (line) => void logs.push(line) } }));
    ({ api: staticApi } = await testApp(t.db, { staticDir: dir }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  it('GET /api/v1/health → {ok: true}, not cached', async () => {
    const res = await api.request('GET', '/api/v1/health');
    expect(res.json()).toEqual({ ok: true });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('an unknown API route is a JSON 404 with no-store, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await staticApi.request(method, '/api/v1/nothing-here', null, undefined, { accept: 'text/html' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Adressen finns inte.' } });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('errors carry no-store and a request id', async () => {
    const res = await api.request('GET', '/api/v1/sync/pull');
    expect(res.statusCode).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs requests with their id and never a token or a password', async () => {
    const token = await api.token('officerA');
    await api.pushOk(token, [upsert()]);
    await api.request('GET', '/api/v1/session', token);
    const text = logs.join('');
    expect(text).toContain('"reqId"');
    expect(text).toContain('"push"');
    expect(text).not.toContain(token);
    expect(text).not.toContain(PASSWORD);
  });

  it('serves the built app: index.html and sw.js revalidated, assets immutable', async () => {
    const index = await staticApi.request('GET', '/index.html');
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const root = await staticApi.request('GET', '/', null, undefined, { accept: 'text/html' });
    expect(root.body).toContain('Medborgarlöfte');
    expect(root.headers['cache-control']).toBe('no-cache');
    const sw = await staticApi.request('GET', '/sw.js');
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await staticApi.request('GET', '/assets/index-3f9a1c.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a navigation to an app route with index.html, but a missing asset with 404', async () => {
    const nav = await staticApi.request('GET', '/registreringar/123', null, undefined, { accept: 'text/html,application/xhtml+xml' });
    expect(nav.statusCode).toBe(200);
    expect(nav.body).toContain('Medborgarlöfte');
    expect(nav.headers['cache-control']).toBe('no-cache');
    const missing = await staticApi.request('GET', '/assets/gone-123.js', null, undefined, { accept: '*/*' });
    expect(missing.statusCode).toBe(404);
  });

  it('sends the build-time brotli or gzip copy to a browser that takes it, and the plain file otherwise', async () => {
    const br = await staticApi.request('GET', '/assets/big-9e8d7c.js', null, undefined, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG_JS);
    expect(br.rawPayload.length).toBeLessThan(BIG_JS.length / 3);
    const gz = await staticApi.request('GET', '/assets/big-9e8d7c.js', null, undefined, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BIG_JS);
    // The worker's compressed copy is revalidated like the worker itself.
    const sw = await staticApi.request('GET', '/sw.js', null, undefined, { 'accept-encoding': 'br' });
    expect(sw.headers['content-encoding']).toBe('br');
    expect(sw.headers['cache-control']).toBe('no-cache');
    const plain = await staticApi.request('GET', '/assets/big-9e8d7c.js', null, undefined, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_JS);
  });
});
