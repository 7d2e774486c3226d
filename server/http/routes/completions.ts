// Coordinators' completions of activities no officer logs (trygghetsvandring, kampanj,
// samverkansmöte…):
//   GET  /api/v1/completions               the area's completions, withdrawn ones too (ETag)
//   POST /api/v1/completions               mark done; idempotent on the app-made id
//   POST /api/v1/completions/:id/withdraw  withdraw with a reason; never deleted
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { localDate } from '../../../src/domain/calendar.ts';
import type { CompletionsResponse } from '../../../src/domain/sync.ts';
import { checkCompletion, completionOwner, validateCompletionInput, validateWithdrawReason } from '../../../src/domain/tallies/completions.ts';
import { toIssues, type ValidationIssue } from '../../../src/domain/validation.ts';
import { findCompletion, insertCompletion, listCompletions, sameCompletion, withdrawCompletion, type WriteOrigin } from '../../completions/store.ts';
import { authenticate, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';
import { etagOf, matchesEtag } from '../etag.ts';

const COMPLETION_WRITERS = ['coordinator'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const withdrawBodySchema = v.strictObject({ reason: v.unknown() });

const ID_TAKEN = 'Id:t används redan för en annan avbockning. Ladda om och försök igen.';
const NOT_FOUND = 'Avbockningen finns inte.';
const OUTSIDE_AREA = 'Kommunen ingår inte i ditt polisområde.';

// valibot names no field when the value itself (not a key of it) is wrong.
const onField = (issues: ValidationIssue[], field: string) => issues.map((i) => (i.field ? i : { ...i, field }));

export function completionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/completions', async (request, reply) => {
    const session = await authenticate(ctx, request);
    const response: CompletionsResponse = { completions: await listCompletions(ctx.db, session.user.kommunIds) };
    const body = JSON.stringify(response);
    const etag = etagOf(body);
    void reply.header('etag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.post('/api/v1/completions', async (request, reply) => {
    const session = await authenticate(ctx, request, COMPLETION_WRITERS);
    const parsed = validateCompletionInput(request.body);
    if (!parsed.ok) throw fail.invalid(parsed.issues);
    // The database keeps uuids in lowercase; compare and answer in that form.
    const input = { ...parsed.value, id: parsed.value.id.toLowerCase() };
    const { user } = session;
    const origin: WriteOrigin = { user, deviceId: session.deviceId, ip: request.ip, nowMs: ctx.clock() };

    // A replay is answered from what is stored, before the rules: it gets the same answer
    // even if the catalogue changed since.
    const replay = async () => {
      const stored = await findCompletion(ctx.db, input.id);
      if (!stored) return null;
      if (!user.kommunIds.includes(stored.kommunId) || !sameCompletion(stored, input)) throw fail.conflict(ID_TAKEN);
      return reply.code(200).send({ completion: stored });
    };
    const replayed = await replay();
    if (replayed) return replayed;

    const catalogue = await ctx.catalogue.all();
    const owner = completionOwner(catalogue, input.activityId);
    if (owner && !user.kommunIds.includes(owner.kommunId)) throw fail.forbidden(OUTSIDE_AREA);
    const issues = checkCompletion(input, catalogue, localDate(origin.nowMs));
    if (issues.length || !owner) throw fail.invalid(issues);
    const policeAreaId = catalogue.kommuner.find((k) => k.id === owner.kommunId)?.policeAreaId ?? user.policeAreaId;

    const created = await ctx.db.transaction((tx) => insertCompletion(tx, { input, ...owner, policeAreaId }, origin));
    if (created) return reply.code(201).send({ completion: created });
    // The same id committed by a concurrent request between our read and our insert.
    const raced = await replay();
    if (raced) return raced;
    throw new Error(`completion ${input.id} neither inserted nor found`);
  });

  app.post('/api/v1/completions/:id/withdraw', async (request, reply) => {
    const session = await authenticate(ctx, request, COMPLETION_WRITERS);
    const id = (request.params as { id: string }).id.toLowerCase();
    if (!UUID.test(id)) throw fail.notFound(NOT_FOUND);
    const body = v.safeParse(withdrawBodySchema, request.body);
    if (!body.success) throw fail.invalid(toIssues(body.issues));
    const reason = validateWithdrawReason(body.output.reason);
    if (!reason.ok) throw fail.invalid(onField(reason.issues, 'reason'));
    const { user } = session;
    const origin: WriteOrigin = { user, deviceId: session.deviceId, ip: request.ip, nowMs: ctx.clock() };

    const completion = await ctx.db.transaction(async (tx) => {
      const stored = await findCompletion(tx, id, true);
      if (!stored) throw fail.notFound(NOT_FOUND);
      if (!user.kommunIds.includes(stored.kommunId)) throw fail.forbidden(OUTSIDE_AREA);
      if (stored.withdrawnAt !== null) {
        // The same withdrawal again (a retry) is answered as it was; another reason is not applied.
        if (stored.withdrawnReason === reason.value) return stored;
        throw fail.conflict('Avbockningen är redan återkallad.', { withdrawnAt: stored.withdrawnAt, withdrawnReason: stored.withdrawnReason });
      }
      return withdrawCompletion(tx, id, reason.value, origin);
    });
    return reply.code(200).send({ completion });
  });
}
