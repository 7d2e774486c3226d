// POST /api/v1/sync/push and GET /api/v1/sync/pull.
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { MAX_PULL_LIMIT, MAX_PUSH_BATCH, type PushResponse } from '../../../src/domain/sync.ts';
import { toIssues } from '../../../src/domain/validation.ts';
import { prepareChange } from '../../sync/prepare.ts';
import { isDeviceRevoked } from '../../sync/devices.ts';
import { pullRevisions } from '../../sync/pull.ts';
import { applyPush } from '../../sync/push.ts';
import { pushEnvelopeSchema } from '../../sync/schemas.ts';
import { authenticate, throttle, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

export const DEFAULT_PULL_LIMIT = 500;

/** Only those who log entries may push them. */
const PUSH_ROLES = ['officer', 'shift_lead'] as const;

function queryInt(value: unknown, field: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw fail.invalid([{ field, code: 'type', message: 'Ange ett heltal ≥ 0.' }]);
  return n;
}

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Bad text inside a change rejects that change alone (the entry schema checks it), not the batch.
  app.post('/api/v1/sync/push', { config: { textCheckedPerItem: true } }, async (request) => {
    // A revoked device may still push what it has queued; the answer tells it to wipe itself.
    const session = await authenticate(ctx, request, PUSH_ROLES, { allowRevokedDevice: true });
    throttle(ctx, 'sync.push', session);
    const body = request.body as { changes?: unknown } | null;
    // Checked before the shape so the client learns to split the batch, not to fix a field.
    if (Array.isArray(body?.changes) && body.changes.length > MAX_PUSH_BATCH) {
      throw fail.tooLarge(`Högst ${MAX_PUSH_BATCH} ändringar per förfrågan.`, { maxChanges: MAX_PUSH_BATCH, received: body.changes.length });
    }
    const parsed = v.safeParse(pushEnvelopeSchema, body);
    if (!parsed.success) throw fail.invalid(toIssues(parsed.issues));
    const { deviceId, heartbeat, changes } = parsed.output;

    const now = ctx.clock();
    const { catalogue } = await ctx.catalogue.forArea(session.user.policeAreaId);
    const prepared = changes.map((raw) => prepareChange(raw, session.user, catalogue, now));
    const outcome = await applyPush(ctx.db, { user: session.user, deviceId, ip: request.ip, heartbeat, changes: prepared, nowMs: now });
    request.log.info({ push: outcome.counts, deviceId }, 'push');
    const response: PushResponse = { results: outcome.results };
    // The body's device counts too: a revoked phone may send its queue under a newer login.
    if (session.deviceRevoked || (await isDeviceRevoked(ctx.db, deviceId))) response.deviceRevoked = true;
    return response;
  });

  app.get('/api/v1/sync/pull', async (request) => {
    const session = await authenticate(ctx, request);
    const query = request.query as Record<string, unknown>;
    const cursor = queryInt(query.cursor, 'cursor', 0);
    // More than the maximum is clamped rather than refused: the client just pages.
    const limit = Math.min(queryInt(query.limit, 'limit', DEFAULT_PULL_LIMIT), MAX_PULL_LIMIT);
    if (limit < 1) throw fail.invalid([{ field: 'limit', code: 'min_value', message: 'Minst 1.' }]);
    return pullRevisions(ctx.db, session.user, cursor, limit, { nowMs: ctx.clock(), ip: request.ip, deviceId: session.deviceId });
  });
}
