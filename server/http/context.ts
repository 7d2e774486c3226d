// What every route needs, built once by buildApp and passed in explicitly.
import type { Role } from '../../src/domain/sync.ts';
import type { ScryptCost } from '../auth/password.ts';
import type { LoginLimits } from '../auth/rate-limit.ts';
import { checkSession, type Session, type SessionPolicy } from '../auth/sessions.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { FastifyRequest } from 'fastify';
import { fail } from './errors.ts';

export interface AppContext {
  db: Db;
  clock: Clock;
  catalogue: CatalogueStore;
  sessionPolicy: SessionPolicy;
  loginLimits: LoginLimits;
  /** scrypt cost of the passwords the server sets (temporary and changed ones). */
  passwordCost: ScryptCost;
}

/** The few routes that stay open in the two restricted session states. */
export interface AuthOptions {
  /** A session whose device an admin revoked may still call this (push, logout). */
  allowRevokedDevice?: boolean;
  /** A user who must change their password may still call this (change it, logout). */
  allowPasswordChange?: boolean;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * The caller's session, or 401. `roles`: any one of them suffices, else 403.
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
  if (roles && !roles.some((r) => session.user.roles.includes(r))) throw fail.forbidden();
  return session;
}
