// The response headers every answer carries (API, static files, index.html, errors,
// 404s): one policy, set in one onSend hook, so no route or error path can miss it.
// tests/server/security-headers.test.ts calls every registered route to prove it.
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Only the app's own files. No 'unsafe-inline' anywhere: the built index.html has no
 * inline script or style (checked in the test), and Preact sets `style` properties
 * through the CSSOM, which style-src does not govern. img-src allows data: for small
 * inline images; nothing is ever framed (frame-ancestors, plus X-Frame-Options for
 * browsers that predate it).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Powerful features the app never uses; a script injected despite the CSP cannot ask for them either. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** One year; no includeSubDomains/preload decision is made for a host the app does not own. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': PERMISSIONS_POLICY,
};

/** /api/… (any query string): answers that are per user and must never be cached. */
export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** The full set for one request. HSTS only over TLS (with trustProxy, X-Forwarded-Proto counts): on plain http it would be ignored at best. */
export function headersFor(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'x-request-id': request.id };
  if (request.protocol === 'https') headers['strict-transport-security'] = STRICT_TRANSPORT_SECURITY;
  // API answers are per user and change with every sync: never keep them in any cache.
  if (isApiPath(request.url)) headers['cache-control'] = 'no-store';
  return headers;
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.headers(headersFor(request));
    return payload;
  });
}
