// Accounts and devices for admins of a police area (src/domain/admin.ts):
//   GET   /api/v1/admin/users                       the area's accounts with their devices
//   POST  /api/v1/admin/users                       new account + temporary password → 201
//   PATCH /api/v1/admin/users/:id                   name, roles, area, active
//   POST  /api/v1/admin/users/:id/reset-password    new temporary password
//   POST  /api/v1/admin/devices/:deviceId/revoke    the device may only push its queue, then wipes itself
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdminUsersResponse } from '../../../src/domain/admin.ts';
import { createAccount, listAccounts, resetAccountPassword, revokeDevice, updateAccount, type AdminActor } from '../../admin/accounts.ts';
import { authenticate, type AppContext } from '../context.ts';

const ADMINS = ['admin'] as const;

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const actorOf = async (request: FastifyRequest): Promise<AdminActor> => {
    const session = await authenticate(ctx, request, ADMINS);
    const { user } = session;
    return { userId: user.id, username: user.username, policeAreaId: user.policeAreaId, deviceId: session.deviceId, ip: request.ip, nowMs: ctx.clock() };
  };
  const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name]!;

  app.get('/api/v1/admin/users', async (request) => {
    const actor = await actorOf(request);
    const body: AdminUsersResponse = { users: await ctx.db.transaction((tx) => listAccounts(tx, actor, actor.policeAreaId!)) };
    return body;
  });

  app.post('/api/v1/admin/users', async (request, reply) => {
    const actor = await actorOf(request);
    return reply.code(201).send(await createAccount(ctx.db, actor, request.body, ctx.passwordCost));
  });

  app.patch('/api/v1/admin/users/:id', async (request) => {
    const actor = await actorOf(request);
    return { user: await updateAccount(ctx.db, actor, param(request, 'id'), request.body) };
  });

  app.post('/api/v1/admin/users/:id/reset-password', async (request) => {
    const actor = await actorOf(request);
    return resetAccountPassword(ctx.db, actor, param(request, 'id'), ctx.passwordCost);
  });

  app.post('/api/v1/admin/devices/:deviceId/revoke', async (request) => {
    const actor = await actorOf(request);
    return { device: await revokeDevice(ctx.db, actor, param(request, 'deviceId')) };
  });
}
