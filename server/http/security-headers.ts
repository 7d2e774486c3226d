// The response headers every answer carries (API, static files, index.html, errors,
// 404s): one policy, set in one onSend hook, so no route or error path can miss it.
// tests/server/security-headers.test.ts calls every registered route to prove it.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Only the app's own files. No 'unsafe-inline' anywhere. The one inline script, the theme
 * boot in index.html's <head> (it must run before the first paint, and as a file it was a
 * render-blocking request of its own on every cold start), is allowed by its SHA-256
 * alone: the server hashes the inline scripts of the index.html it serves when it starts
 * (inlineScriptHashes), so a changed or injected script does not run. No inline style or
 * event handler (checked in the test); Preact sets `style` properties through the CSSOM,
 * which style-src does not govern. img-src allows data: for small inline images; nothing
 * is ever framed (frame-ancestors, plus X-Frame-Options for browsers that predate it).
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
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
}

/** The policy with no inline script at all: the API alone, or a build without one. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** CSP hash sources ("sha256-…") of the inline <script> elements (no src) of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]!)) continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}`);
  }
  return hashes;
}

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

/** Every answer's headers but the CSP, which depends on the index.html served (headersFor). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
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

/**
 * The full set for one request. HSTS only over TLS (with trustProxy, X-Forwarded-Proto
 * counts): on plain http it would be ignored at best. `policy` is the app's CSP (with the
 * hashes of its index.html's inline scripts).
 */
export function headersFor(request: FastifyRequest, policy: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-security-policy': policy, 'x-request-id': request.id };
  if (request.protocol === 'https') headers['strict-transport-security'] = STRICT_TRANSPORT_SECURITY;
  // API answers are per user and change with every sync: never keep them in any cache.
  if (isApiPath(request.url)) headers['cache-control'] = 'no-store';
  return headers;
}

export function installSecurityHeaders(app: FastifyInstance, policy: string = CONTENT_SECURITY_POLICY): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.headers(headersFor(request, policy));
    return payload;
  });
}
