// Every failure leaves as {error: {code, message, details}} (ApiError in
// src/domain/sync.ts) with a Swedish message an officer can read and a code a program can.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError, ErrorCode } from '../../src/domain/sync.ts';
import { TRANSIENT_PG_CODES } from '../db/db.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const fail = {
  badRequest: (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details),
  invalid: (details: unknown) => new HttpError(400, 'validation_failed', 'Förfrågan har fel i ett eller flera fält.', details),
  unauthenticated: (message = 'Du är inte inloggad.') => new HttpError(401, 'unauthenticated', message),
  sessionExpired: () => new HttpError(401, 'session_expired', 'Din inloggning har gått ut. Logga in igen; osynkade registreringar finns kvar på enheten.'),
  forbidden: (message = 'Du har inte behörighet till detta.') => new HttpError(403, 'forbidden', message),
  passwordChangeRequired: () => new HttpError(403, 'password_change_required', 'Du måste byta lösenord innan du kan fortsätta.'),
  deviceRevoked: () => new HttpError(403, 'device_revoked', 'Enheten har spärrats av en administratör.'),
  notFound: (message = 'Adressen finns inte.') => new HttpError(404, 'not_found', message),
  conflict: (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details),
  tooLarge: (message: string, details?: unknown) => new HttpError(413, 'payload_too_large', message, details),
  rateLimited: (seconds: number) =>
    new HttpError(429, 'rate_limited', `För många misslyckade inloggningar. Försök igen om ${Math.ceil(seconds / 60)} min.`, { retryAfterSeconds: seconds }, {
      'retry-after': String(seconds),
    }),
  /** A write endpoint's per-user throttle (server/http/throttle.ts); the app retries after its backoff. */
  throttled: (seconds: number) =>
    new HttpError(429, 'rate_limited', `För många förfrågningar på kort tid. Försök igen om ${seconds} s.`, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) }),
};

export function errorBody(code: ErrorCode, message: string, details?: unknown): ApiError {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const BODY_LIMIT_MESSAGE = 'Förfrågan är för stor.';

/** Maps everything thrown in a handler, by Fastify's body parsing, or by the database. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const e = err as Partial<FastifyError> & { code?: string };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fail.tooLarge(BODY_LIMIT_MESSAGE);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'bad_request', 'Innehållet ska vara JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return fail.badRequest('Förfrågan saknar innehåll.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return fail.badRequest('Ogiltig JSON.');
  }
  if (e instanceof SyntaxError || (e.statusCode === 400 && !e.code?.startsWith('FST_'))) return fail.badRequest('Ogiltig JSON.');
  if (typeof e.code === 'string' && TRANSIENT_PG_CODES.has(e.code)) {
    return new HttpError(503, 'internal', 'Databasen svarar inte just nu. Försök igen om en stund.', undefined, { 'retry-after': '5' });
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new HttpError(e.statusCode, 'bad_request', 'Felaktig förfrågan.');
  }
  return new HttpError(500, 'internal', 'Ett internt fel uppstod. Försök igen.');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const http = toHttpError(err);
    // Client mistakes are routine; only server-side failures are logged as errors.
    if (http.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: http.code, status: http.status }, 'request refused');
    void reply.code(http.status).headers(http.headers).send(errorBody(http.code, http.message, http.details));
  });
}
