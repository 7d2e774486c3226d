// PUT/GET /api/v1/devices/self/recovery-key: the recovery key R of the signed-in officer's
// device. The device is the one the session was made on (sessions.device_id, set at the
// password login), never one named in the request, so a session can reach only its own.
// PUT after the PIN is set (any valid session); GET only within RECOVERY_LOGIN_WINDOW_MS
// of a password login: recovery always follows one, and a token that outlived its login
// (copied from a proxy log, say) cannot fetch R later. Both are audited in the same
// transaction as the read or write. A revoked device gets 403 device_revoked (and its R
// was deleted with the revoke: server/admin/accounts.ts).
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { toIssues } from '../../../src/domain/validation.ts';
import { writeAudit } from '../../audit.ts';
import { authenticate, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

export const RECOVERY_KEY_PATH = '/api/v1/devices/self/recovery-key';
export const RECOVERY_LOGIN_WINDOW_MS = 10 * 60_000;

const bodySchema = v.strictObject({
  recoveryKey: v.pipe(v.string('Nyckeln saknas.'), v.regex(/^[A-Za-z0-9_-]{43}$/, 'Nyckeln ska vara 32 byte i base64url.')),
});

// The officer's own device key, like their own session: every account that uses the app.
const OWN = { allowPasswordChange: true, anyRole: true } as const;

export function recoveryKeyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.put(RECOVERY_KEY_PATH, async (request, reply) => {
    const session = await authenticate(ctx, request, undefined, OWN);
    const parsed = v.safeParse(bodySchema, request.body);
    if (!parsed.success) throw fail.invalid(toIssues(parsed.issues));
    const now = ctx.clock();
    const { user, deviceId } = session;
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO recovery_keys (user_id, device_id, recovery_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (user_id, device_id) DO UPDATE SET recovery_key = EXCLUDED.recovery_key, updated_at = EXCLUDED.updated_at`,
        [user.id, deviceId, parsed.output.recoveryKey, new Date(now)],
      );
      await writeAudit(tx, now, { actorId: user.id, actorUsername: user.username, action: 'device.recovery_key_store', target: deviceId, deviceId, ip: request.ip });
    });
    return reply.code(204).send();
  });

  app.get(RECOVERY_KEY_PATH, async (request) => {
    const session = await authenticate(ctx, request, undefined, OWN);
    const now = ctx.clock();
    const { user, deviceId } = session;
    const event = (action: string) => ({ actorId: user.id, actorUsername: user.username, action, target: deviceId, deviceId, ip: request.ip });
    const [login] = await ctx.db.query<{ created_at: Date }>('SELECT created_at FROM sessions WHERE token_hash = $1', [session.tokenHash]);
    if (!login || now - login.created_at.getTime() > RECOVERY_LOGIN_WINDOW_MS) {
      // Logged on its own: the refusal must stay in the log.
      await writeAudit(ctx.db, now, event('device.recovery_key_refused'));
      throw fail.forbidden('Logga in med lösenord igen för att låsa upp appen.');
    }
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<{ recovery_key: string }>('SELECT recovery_key FROM recovery_keys WHERE user_id = $1 AND device_id = $2', [user.id, deviceId]);
      if (!row) throw fail.notFound('Det finns ingen återställningsnyckel för enheten.');
      await writeAudit(tx, now, event('device.recovery_key_fetch'));
      return { recoveryKey: row.recovery_key };
    });
  });
}
