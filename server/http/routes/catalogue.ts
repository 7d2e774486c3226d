// GET /api/v1/catalogue: the user's area, its kommuner and their published promises,
// with a strong ETag so a device that has the current catalogue gets a bodiless 304.
import type { FastifyInstance } from 'fastify';
import { authenticate, type AppContext } from '../context.ts';

/** If-None-Match may list several tags and, per RFC 9110, is compared weakly. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function catalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/catalogue', async (request, reply) => {
    const session = await authenticate(ctx, request);
    const { etag, body } = await ctx.catalogue.forArea(session.user.policeAreaId);
    void reply.header('etag', etag);
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
