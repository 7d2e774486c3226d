// POST/GET/DELETE /api/v1/session: log in, who am I, log out.
// POST /api/v1/session/password: change one's own password (also the way out of a reset).
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { PASSWORD_MIN } from '../../../src/domain/admin.ts';
import type { SessionResponse } from '../../../src/domain/sync.ts';
import { toIssues, type ValidationIssue } from '../../../src/domain/validation.ts';
import { writeAudit } from '../../audit.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../auth/password.ts';
import { checkLoginGate, recordLoginAttempt } from '../../auth/rate-limit.ts';
import { createSession, revokeSession, revokeUserSessions } from '../../auth/sessions.ts';
import { findUserById, findUserByUsername, normaliseUsername, setPasswordHash, toUser } from '../../auth/users.ts';
import { sessionRequestSchema } from '../../sync/schemas.ts';
import { authenticate, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

const PASSWORD_MAX = 200;

/**
 * Login and password bodies are a few hundred bytes; anything near the global limit is an
 * attack on the parser or on scrypt (docs/threat-model.md). Over it: 413.
 */
export const CREDENTIALS_BODY_LIMIT = 4 * 1024;

/**
 * Sent with a successful logout: the browser drops the origin's caches and storage
 * (IndexedDB included). The app calls logout only after it has pushed its queue or the
 * officer explicitly chose to discard it (docs/api.md).
 */
export const CLEAR_SITE_DATA = '"cache", "storage"';
const changePasswordSchema = v.strictObject({
  currentPassword: v.pipe(v.string('Ange ditt nuvarande lösenord.'), v.minLength(1, 'Ange ditt nuvarande lösenord.'), v.maxLength(PASSWORD_MAX, 'Fel nuvarande lösenord.')),
  newPassword: v.pipe(
    v.string('Ange ett nytt lösenord.'),
    v.minLength(PASSWORD_MIN, `Lösenordet ska vara minst ${PASSWORD_MIN} tecken.`),
    v.maxLength(PASSWORD_MAX, `Lösenordet får vara högst ${PASSWORD_MAX} tecken.`),
  ),
});

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/session', { bodyLimit: CREDENTIALS_BODY_LIMIT }, async (request, reply) => {
    const parsed = v.safeParse(sessionRequestSchema, request.body);
    if (!parsed.success) throw fail.invalid(toIssues(parsed.issues));
    const { password, deviceId } = parsed.output;
    const username = normaliseUsername(parsed.output.username);
    const ip = request.ip;
    const now = ctx.clock();

    const gate = await checkLoginGate(ctx.db, username, ip, now, ctx.loginLimits);
    if (!gate.ok) throw fail.rateLimited(gate.retryAfterSeconds);

    const user = await findUserByUsername(ctx.db, username);
    // Unknown user and wrong password take the same time and give the same answer.
    const ok = user ? await verifyPassword(password, user.password_hash) : await burnPasswordCheck(password);
    if (!user || !ok) {
      await ctx.db.transaction(async (tx) => {
        await recordLoginAttempt(tx, username, ip, now, false);
        await writeAudit(tx, now, { actorId: null, actorUsername: null, action: 'session.login_failed', target: username, deviceId, ip });
      });
      throw fail.unauthenticated('Fel användarnamn eller lösenord.');
    }
    if (!user.active) {
      // The right password for a deactivated account: worth a line in the log, not a login attempt.
      await writeAudit(ctx.db, now, { actorId: null, actorUsername: null, action: 'session.login_inactive', target: user.id, deviceId, ip });
      throw fail.forbidden('Kontot är inaktiverat. Kontakta din administratör.');
    }

    const session = await ctx.db.transaction(async (tx) => {
      await recordLoginAttempt(tx, username, ip, now, true);
      await writeAudit(tx, now, { actorId: user.id, actorUsername: user.username, action: 'session.login', target: user.id, deviceId, ip });
      return createSession(tx, user.id, deviceId, now, ctx.sessionPolicy);
    });
    const body: SessionResponse = { token: session.token, expiresAt: session.expiresAt.toISOString(), serverTime: new Date(now).toISOString(), user: toUser(user) };
    return reply.code(200).send(body);
  });

  // Who am I, log out, change password: open to every account, the auditor's too.
  app.get('/api/v1/session', async (request) => {
    const session = await authenticate(ctx, request, undefined, { anyRole: true });
    return { user: session.user, expiresAt: session.expiresAt.toISOString() };
  });

  // Logging out stays open in every restricted state: a revoked device ends its session.
  app.delete('/api/v1/session', async (request, reply) => {
    const session = await authenticate(ctx, request, undefined, { allowRevokedDevice: true, allowPasswordChange: true, anyRole: true });
    const now = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      await revokeSession(tx, session.tokenHash, now);
      await writeAudit(tx, now, {
        actorId: session.user.id,
        actorUsername: session.user.username,
        action: 'session.logout',
        target: session.user.id,
        deviceId: session.deviceId,
        ip: request.ip,
      });
    });
    return reply.code(204).header('clear-site-data', CLEAR_SITE_DATA).send();
  });

  // Also open to a revoked device's session: a user who must change a reset password
  // could otherwise never push what that device still has queued.
  app.post('/api/v1/session/password', { bodyLimit: CREDENTIALS_BODY_LIMIT }, async (request, reply) => {
    const session = await authenticate(ctx, request, undefined, { allowRevokedDevice: true, allowPasswordChange: true, anyRole: true });
    const parsed = v.safeParse(changePasswordSchema, request.body);
    if (!parsed.success) throw fail.invalid(toIssues(parsed.issues));
    const { currentPassword, newPassword } = parsed.output;
    const { user } = session;
    const now = ctx.clock();
    const gate = await checkLoginGate(ctx.db, user.username, request.ip, now, ctx.loginLimits);
    if (!gate.ok) throw fail.rateLimited(gate.retryAfterSeconds);

    const row = await findUserById(ctx.db, user.id);
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      // A wrong current password counts like a failed login: the form must not become a way to guess.
      await ctx.db.transaction(async (tx) => {
        await recordLoginAttempt(tx, user.username, request.ip, now, false);
        await writeAudit(tx, now, { actorId: user.id, actorUsername: user.username, action: 'user.password_change_failed', target: user.id, deviceId: session.deviceId, ip: request.ip });
      });
      const issue: ValidationIssue = { field: 'currentPassword', code: 'wrong_password', message: 'Fel nuvarande lösenord.' };
      throw fail.invalid([issue]);
    }
    if (newPassword === currentPassword) {
      throw fail.invalid([{ field: 'newPassword', code: 'same_password', message: 'Det nya lösenordet måste skilja sig från det nuvarande.' }]);
    }
    const hash = await hashPassword(newPassword, ctx.passwordCost);
    await ctx.db.transaction(async (tx) => {
      await setPasswordHash(tx, user.id, hash, false);
      // Whoever else held a session on the old password loses it; this one goes on.
      const ended = await revokeUserSessions(tx, user.id, now, session.tokenHash);
      await writeAudit(tx, now, {
        actorId: user.id,
        actorUsername: user.username,
        action: 'user.password_change',
        target: user.id,
        deviceId: session.deviceId,
        ip: request.ip,
        details: { wasReset: session.mustChangePassword, otherSessionsEnded: ended },
      });
    });
    return reply.code(204).send();
  });
}
