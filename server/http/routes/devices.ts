// POST /api/v1/devices/heartbeat (a sync with nothing to push) and GET /api/v1/devices
// (the area's devices for those who follow up on them).
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { toIssues } from '../../../src/domain/validation.ts';
import { listDevices, upsertDevice } from '../../sync/devices.ts';
import { heartbeatRequestSchema } from '../../sync/schemas.ts';
import { authenticate, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

const DEVICE_VIEWERS = ['shift_lead', 'coordinator', 'admin'] as const;

export function deviceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/devices/heartbeat', async (request, reply) => {
    const session = await authenticate(ctx, request);
    const parsed = v.safeParse(heartbeatRequestSchema, request.body);
    if (!parsed.success) throw fail.invalid(toIssues(parsed.issues));
    const { deviceId, ...heartbeat } = parsed.output;
    await upsertDevice(ctx.db, session.user.id, deviceId, heartbeat, request.ip, ctx.clock());
    return reply.code(204).send();
  });

  app.get('/api/v1/devices', async (request) => {
    const session = await authenticate(ctx, request, DEVICE_VIEWERS);
    return { devices: await listDevices(ctx.db, session.user.policeAreaId) };
  });
}
