// POST /api/v1/devices/heartbeat (a sync with nothing to push) and GET /api/v1/devices
// (the area's devices for those who follow up on them).
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { DevicesResponse } from '../../../src/domain/sync.ts';
import { toIssues } from '../../../src/domain/validation.ts';
import { writeAudit } from '../../audit.ts';
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
    const nowMs = ctx.clock();
    const { user } = session;
    await ctx.db.transaction(async (tx) => {
      const before = await upsertDevice(tx, user.id, deviceId, heartbeat, request.ip, nowMs);
      // The heartbeat itself is telemetry that overwrites the last one (queue size, app
      // version, last seen) and is not logged; a device seen for the first time, or in
      // another user's hands, is.
      if (before.known && before.userId === user.id) return;
      await writeAudit(tx, nowMs, {
        actorId: user.id,
        actorUsername: user.username,
        action: before.known ? 'device.user_changed' : 'device.register',
        target: deviceId,
        deviceId: session.deviceId,
        ip: request.ip,
        details: { previousUserId: before.userId, appVersion: heartbeat.appVersion },
      });
    });
    return reply.code(204).send();
  });

  // Other officers' devices (who, last seen, queue): a read of colleagues' data, audited.
  app.get('/api/v1/devices', async (request) => {
    const session = await authenticate(ctx, request, DEVICE_VIEWERS);
    const { user } = session;
    const devices = await ctx.db.transaction(async (tx) => {
      const list = await listDevices(tx, user.policeAreaId);
      await writeAudit(tx, ctx.clock(), {
        actorId: user.id,
        actorUsername: user.username,
        action: 'devices.list',
        target: user.policeAreaId,
        deviceId: session.deviceId,
        ip: request.ip,
        details: { devices: list.length },
      });
      return list;
    });
    const body: DevicesResponse = { devices };
    return body;
  });
}
