// Serves the built app. Caching is what keeps a PWA updatable: index.html and sw.js
// must be revalidated every time (a stale sw.js pins users to an old release), while
// Vite's content-hashed /assets/* never change and may be cached for a year.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const NO_CACHE = /(^|\/)(index\.html|sw\.js|manifest\.webmanifest|registerSW\.js)$/;

export function cacheControlFor(servedPath: string): string {
  // A precompressed copy (sw.js.br) is cached as the file it stands for: a stale sw.js pins users.
  const path = servedPath.replace(/\.(br|gz)$/, '');
  if (NO_CACHE.test(path)) return 'no-cache';
  if (/(^|\/)assets\//.test(path)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/** True when the static dir holds a build; the API runs without one (tests, API-only deploys). */
export function hasBuild(dir: string | null | undefined): dir is string {
  return !!dir && existsSync(join(dir, 'index.html'));
}

export async function registerStatic(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    // The build writes .br and .gz beside each text file (scripts/precompress.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', cacheControlFor(path));
    },
  });
}

/** A browser navigation to an app route (e.g. /entries/123) gets index.html; the app routes it. */
export function isNavigation(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
}

export function sendIndex(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
