// POST/GET/DELETE /api/v1/session: log in, who am I, log out.
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { SessionResponse } from '../../../src/domain/sync.ts';
import { toIssues } from '../../../src/domain/validation.ts';
import { writeAudit } from '../../audit.ts';
import { burnPasswordCheck, verifyPassword } from '../../auth/password.ts';
import { checkLoginGate, recordLoginAttempt } from '../../auth/rate-limit.ts';
import { createSession, revokeSession } from '../../auth/sessions.ts';
import { findUserByUsername, normaliseUsername, toUser } from '../../auth/users.ts';
import { sessionRequestSchema } from '../../sync/schemas.ts';
import { authenticate, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/session', async (request, reply) => {
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
    if (!user.active) throw fail.forbidden('Kontot är inaktiverat. Kontakta din administratör.');

    const session = await ctx.db.transaction(async (tx) => {
      await recordLoginAttempt(tx, username, ip, now, true);
      await writeAudit(tx, now, { actorId: user.id, actorUsername: user.username, action: 'session.login', target: user.id, deviceId, ip });
      return createSession(tx, user.id, deviceId, now, ctx.sessionPolicy);
    });
    const body: SessionResponse = { token: session.token, expiresAt: session.expiresAt.toISOString(), serverTime: new Date(now).toISOString(), user: toUser(user) };
    return reply.code(200).send(body);
  });

  app.get('/api/v1/session', async (request) => {
    const session = await authenticate(ctx, request);
    return { user: session.user, expiresAt: session.expiresAt.toISOString() };
  });

  app.delete('/api/v1/session', async (request, reply) => {
    const session = await authenticate(ctx, request);
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
    return reply.code(204).send();
  });
}
