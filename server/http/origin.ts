// CORS stays closed: no route sends Access-Control-Allow-Origin, so a browser never lets
// another site read an answer, and a preflight (OPTIONS) is a plain JSON 404 that grants
// nothing. On top, a state-changing request whose Origin names another site is refused
// before it is parsed: tokens travel in Authorization (which a cross-site form cannot
// set), so this is defence in depth against CSRF, not the only guard.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the browser saw: scheme and Host (behind trustProxy: X-Forwarded-Proto/-Host). */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`.toLowerCase();
}

/**
 * Same-origin or no Origin at all (curl, the admin's scripts, older browsers on a
 * same-origin GET). `publicOrigin`: the address users open, for a proxy that rewrites
 * Host without sending X-Forwarded-Host.
 */
export function originAllowed(request: FastifyRequest, publicOrigin: string | null): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const claimed = origin.toLowerCase();
  return claimed === ownOrigin(request) || (publicOrigin !== null && claimed === publicOrigin.toLowerCase());
}

export const crossOrigin = () => new HttpError(403, 'cross_origin', 'Förfrågan kom från en annan webbplats och avvisades.');

export function installOriginCheck(app: FastifyInstance, publicOrigin: string | null): void {
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method) && !originAllowed(request, publicOrigin)) throw crossOrigin();
  });
}
