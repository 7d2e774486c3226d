// What every route needs, built once by buildApp and passed in explicitly.
import { APP_ROLES, type Role } from '../../src/domain/sync.ts';
import type { ScryptCost } from '../auth/password.ts';
import type { LoginLimits } from '../auth/rate-limit.ts';
import { checkSession, type Session, type SessionPolicy } from '../auth/sessions.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { FastifyRequest } from 'fastify';
import { fail } from './errors.ts';
import type { Throttle } from './throttle.ts';

export interface AppContext {
  db: Db;
  clock: Clock;
  catalogue: CatalogueStore;
  sessionPolicy: SessionPolicy;
  loginLimits: LoginLimits;
  /** scrypt cost of the passwords the server sets (temporary and changed ones). */
  passwordCost: ScryptCost;
  /** Per-user throttle of pushes and audit read reports (null: off, for benchmarks). */
  writeThrottle: Throttle | null;
}

/** The few routes that stay open in the two restricted session states. */
export interface AuthOptions {
  /** A session whose device an admin revoked may still call this (push, logout). */
  allowRevokedDevice?: boolean;
  /** A user who must change their password may still call this (change it, logout). */
  allowPasswordChange?: boolean;
  /**
   * Without `roles`, only the app's roles (APP_ROLES) pass: an auditor-only account is
   * refused everything it is not explicitly let into. `anyRole` lets every signed-in
   * account in: its own session (who am I, log out, change password).
   */
  anyRole?: boolean;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * The caller's session, or 401. `roles`: any one of them suffices, else 403 (default
 * APP_ROLES, see AuthOptions.anyRole).
 * Unknown, revoked and deactivated are all "unauthenticated"; only a session that ran
 * out of time says "session_expired", which tells the app to ask for a new login and
 * keep its queue. Then, unless the route allows it: a password an admin reset → 403
 * password_change_required; a revoked device → 403 device_revoked. Both are checked
 * here, once, so that no route can forget them.
 */
export async function authenticate(ctx: AppContext, request: FastifyRequest, roles?: readonly Role[], options: AuthOptions = {}): Promise<Session> {
  const token = bearerToken(request);
  if (!token) throw fail.unauthenticated();
  const check = await checkSession(ctx.db, token, ctx.clock(), ctx.sessionPolicy);
  if (!check.ok) {
    if (check.reason === 'expired') throw fail.sessionExpired();
    if (check.reason === 'inactive') throw fail.unauthenticated('Kontot är inaktiverat.');
    throw fail.unauthenticated();
  }
  const { session } = check;
  if (session.mustChangePassword && !options.allowPasswordChange) throw fail.passwordChangeRequired();
  if (session.deviceRevoked && !options.allowRevokedDevice) throw fail.deviceRevoked();
  const allowed = roles ?? (options.anyRole ? null : APP_ROLES);
  if (allowed && !allowed.some((r) => session.user.roles.includes(r))) throw fail.forbidden();
  return session;
}

/** One token from the caller's bucket of this endpoint, or 429 with Retry-After. */
export function throttle(ctx: AppContext, endpoint: string, session: Session): void {
  const gate = ctx.writeThrottle?.take(`${endpoint}:${session.user.id}`);
  if (gate && !gate.ok) throw fail.throttled(gate.retryAfterSeconds);
}
