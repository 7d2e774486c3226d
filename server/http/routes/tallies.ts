// GET /api/v1/tallies?kommun=&from=&to=&by=quarter|tertial: a kommun's tallies for any
// user of its police area, computed by the same arithmetic as the app's dashboard.
import type { FastifyInstance } from 'fastify';
import type { TalliesResponse } from '../../../src/domain/sync.ts';
import { kommunTallies } from '../../tallies/compute.ts';
import { parseTallyQuery } from '../../tallies/params.ts';
import { authenticate, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

export function tallyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/tallies', async (request) => {
    const session = await authenticate(ctx, request);
    // Read before counting: every revision committed before generatedAt is in the figures.
    const nowMs = ctx.clock();
    const parsed = parseTallyQuery(request.query as Record<string, unknown>, nowMs);
    if (!parsed.ok) throw fail.invalid(parsed.issues);
    const { kommunId } = parsed.request;
    const all = await ctx.catalogue.all();
    if (!all.kommuner.some((k) => k.id === kommunId)) throw fail.notFound('Kommunen finns inte.');
    if (!session.user.kommunIds.includes(kommunId)) throw fail.forbidden('Kommunen ingår inte i ditt polisområde.');
    const { catalogue } = await ctx.catalogue.forArea(session.user.policeAreaId);
    const body: TalliesResponse = { generatedAt: new Date(nowMs).toISOString(), tallies: await kommunTallies(ctx.db, catalogue, parsed.request, nowMs) };
    return body;
  });
}
