// GET /api/v1/catalogue: the user's area, its kommuner and their published promises,
// with a strong ETag so a device that has the current catalogue gets a bodiless 304.
import type { FastifyInstance } from 'fastify';
import { authenticate, type AppContext } from '../context.ts';
import { matchesEtag } from '../etag.ts';

export function catalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/catalogue', async (request, reply) => {
    const session = await authenticate(ctx, request);
    const { etag, body } = await ctx.catalogue.forArea(session.user.policeAreaId);
    void reply.header('etag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
