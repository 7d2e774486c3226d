// buildApp: the whole HTTP server as a Fastify instance, with its dependencies passed
// in, so tests drive it with app.inject() or a real listen() alike.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { DEFAULT_COST, type ScryptCost } from '../auth/password.ts';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../auth/rate-limit.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../auth/sessions.ts';
import { CatalogueStore } from '../catalogue/store.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { PUSH_BODY_LIMIT } from '../../src/domain/sync.ts';
import type { AppContext } from './context.ts';
import { errorBody, fail, installErrorHandler, toHttpError } from './errors.ts';
import { installInputGuard } from './input-guard.ts';
import { installOriginCheck } from './origin.ts';
import { adminRoutes } from './routes/admin.ts';
import { auditRoutes } from './routes/audit.ts';
import { catalogueEditingRoutes } from './routes/catalogue-editing.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { completionRoutes } from './routes/completions.ts';
import { deviceRoutes } from './routes/devices.ts';
import { recoveryKeyRoutes } from './routes/recovery-keys.ts';
import { sessionRoutes } from './routes/session.ts';
import { syncRoutes } from './routes/sync.ts';
import { tallyRoutes } from './routes/tallies.ts';
import { contentSecurityPolicy, headersFor, inlineScriptHashes, installSecurityHeaders } from './security-headers.ts';
import { hasBuild, isNavigation, registerStatic, sendIndex } from './static.ts';
import { DEFAULT_PUSH_LIMITS, Throttle, type ThrottleLimits } from './throttle.ts';

export interface AppOptions {
  db: Db;
  clock?: Clock;
  /** false (default) for silence, true for JSON logs at info, or pino options. */
  logger?: FastifyServerOptions['logger'];
  /** Where logger: true writes (stdout by default); tests capture it. */
  logStream?: { write(line: string): void };
  /** Directory of the built app (index.html, sw.js, assets/); null or missing build: API only. */
  staticDir?: string | null;
  sessionPolicy?: Partial<SessionPolicy>;
  loginLimits?: Partial<LoginLimits>;
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /** scrypt cost of passwords the server sets; tests pass a low one. */
  passwordCost?: ScryptCost;
  /** Set behind a load balancer so request.ip is the client's, not the balancer's. */
  trustProxy?: boolean;
  /** Per-user throttle of pushes and audit read reports; false turns it off (benchmarks). */
  pushLimits?: Partial<ThrottleLimits> | false;
  /** The address users open (e.g. https://faltlogg.example.se), when a proxy rewrites Host; see origin.ts. */
  publicOrigin?: string | null;
  /** Called for every route as it is registered (tests enumerate them to check headers on each). */
  onRoute?: (route: RouteOptions) => void;
}

/** A push is the largest body any route takes: the client splits its batches to fit this. */
export const DEFAULT_BODY_LIMIT = PUSH_BODY_LIMIT;

function loggerOptions(logger: AppOptions['logger'], stream: AppOptions['logStream']): FastifyServerOptions['logger'] {
  if (logger !== true) return logger ?? false;
  // Tokens travel in Authorization; passwords only in the login body, which is never logged.
  return { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'], ...(stream ? { stream } : {}) };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const serveApp = hasBuild(options.staticDir);
  // The app's own inline scripts (the theme boot) are allowed by hash, read once from the index.html served.
  const policy = contentSecurityPolicy(serveApp ? inlineScriptHashes(readFileSync(join(options.staticDir as string, 'index.html'), 'utf8')) : []);
  const app = Fastify({
    logger: loggerOptions(options.logger, options.logStream),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    // The app has no other JSON parser; reject prototype-poisoning keys outright.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // A malformed URL (e.g. %FF in a path parameter) gets the usual JSON error, not Fastify's
    // own shape. It is answered before routing, so no onSend hook runs: headers set here.
    frameworkErrors: (err, request, reply) => {
      const http = toHttpError(err);
      void (reply as FastifyReply).code(http.status).headers(headersFor(request, policy)).send(errorBody(http.code, http.message));
    },
  });
  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  const clock = options.clock ?? systemClock;
  const ctx: AppContext = {
    db: options.db,
    clock,
    catalogue: new CatalogueStore(options.db),
    sessionPolicy: { ...DEFAULT_SESSION_POLICY, ...options.sessionPolicy },
    loginLimits: { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits },
    passwordCost: options.passwordCost ?? DEFAULT_COST,
    writeThrottle: options.pushLimits === false ? null : new Throttle({ ...DEFAULT_PUSH_LIMITS, ...options.pushLimits }, clock),
  };

  installErrorHandler(app);
  // JSON only: any other body type is 415 rather than a string that fails validation later.
  app.removeContentTypeParser('text/plain');
  installSecurityHeaders(app, policy);
  installOriginCheck(app, options.publicOrigin ?? null);
  installInputGuard(app);

  app.get('/api/v1/health', async () => ({ ok: true }));
  sessionRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  syncRoutes(app, ctx);
  deviceRoutes(app, ctx);
  recoveryKeyRoutes(app, ctx);
  tallyRoutes(app, ctx);
  completionRoutes(app, ctx);
  catalogueEditingRoutes(app, ctx);
  adminRoutes(app, ctx);
  auditRoutes(app, ctx);

  if (serveApp) await registerStatic(app, options.staticDir as string);
  app.setNotFoundHandler((request, reply) => {
    if (serveApp && isNavigation(request)) return sendIndex(reply);
    const err = fail.notFound();
    return reply.code(err.status).send(errorBody(err.code, err.message));
  });
  return app;
}
