// Catalogue editing for coordinators, online only (src/domain/admin.ts):
//   GET    /api/v1/catalogue/promises?kommun=       drafts and published of the area (or one kommun)
//   POST   /api/v1/catalogue/promises               new draft                 → 201
//   PUT    /api/v1/catalogue/promises/:id           save draft / correct published
//   POST   /api/v1/catalogue/promises/:id/renew     next period as a draft    → 201
//   POST   /api/v1/catalogue/promises/:id/publish   { version }
//   DELETE /api/v1/catalogue/promises/:id           drafts only               → 204
//   GET    /api/v1/catalogue/promises/:id/history   versions, oldest first
// Devices pick up a published change on their next GET /catalogue: the promises trigger
// bumps catalogue_version, and the area's ETag follows the body.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PromiseHistoryResponse, PromiseListResponse, PromiseResponse } from '../../../src/domain/admin.ts';
import {
  createDraft,
  deleteDraft,
  listEditable,
  promiseHistory,
  publishPromise,
  publishVersionFromBody,
  renewOptionsFromBody,
  renewPeriod,
  savePromise,
  type EditActor,
} from '../../catalogue/editing.ts';
import { authenticate, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

const EDITORS = ['coordinator'] as const;
const BASE = '/api/v1/catalogue/promises';

export function catalogueEditingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const actorOf = async (request: FastifyRequest): Promise<EditActor> => {
    const session = await authenticate(ctx, request, EDITORS);
    const { user } = session;
    return { userId: user.id, username: user.username, kommunIds: user.kommunIds, deviceId: session.deviceId, ip: request.ip, nowMs: ctx.clock() };
  };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.get(BASE, async (request) => {
    const actor = await actorOf(request);
    const kommun = (request.query as Record<string, unknown>).kommun;
    if (kommun !== undefined && (typeof kommun !== 'string' || kommun === '')) {
      throw fail.invalid([{ field: 'kommun', code: 'type', message: 'Ange en kommun.' }]);
    }
    const body: PromiseListResponse = { promises: await listEditable(ctx.db, actor, kommun ?? null) };
    return body;
  });

  app.post(BASE, async (request, reply) => {
    const actor = await actorOf(request);
    const promise = await ctx.db.transaction((tx) => createDraft(tx, actor, request.body));
    return reply.code(201).send({ promise } satisfies PromiseResponse);
  });

  app.put(`${BASE}/:id`, async (request) => {
    const actor = await actorOf(request);
    const promise = await ctx.db.transaction((tx) => savePromise(tx, actor, idOf(request), request.body));
    return { promise } satisfies PromiseResponse;
  });

  app.post(`${BASE}/:id/renew`, async (request, reply) => {
    const actor = await actorOf(request);
    const options = renewOptionsFromBody(request.body);
    const promise = await ctx.db.transaction((tx) => renewPeriod(tx, actor, idOf(request), options));
    return reply.code(201).send({ promise } satisfies PromiseResponse);
  });

  app.post(`${BASE}/:id/publish`, async (request) => {
    const actor = await actorOf(request);
    const version = publishVersionFromBody(request.body);
    const promise = await ctx.db.transaction((tx) => publishPromise(tx, actor, idOf(request), version));
    return { promise } satisfies PromiseResponse;
  });

  app.delete(`${BASE}/:id`, async (request, reply) => {
    const actor = await actorOf(request);
    await ctx.db.transaction((tx) => deleteDraft(tx, actor, idOf(request)));
    return reply.code(204).send();
  });

  app.get(`${BASE}/:id/history`, async (request) => {
    const actor = await actorOf(request);
    const body: PromiseHistoryResponse = { versions: await promiseHistory(ctx.db, actor, idOf(request)) };
    return body;
  });
}
