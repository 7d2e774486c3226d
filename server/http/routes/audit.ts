// The audit log's two doors (src/domain/audit.ts):
//   POST /api/v1/audit/reads   a device reports reads of other officers' entries it showed
//   GET  /api/v1/audit?from=&to=&format=csv|ndjson   the data protection officer's export
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { MAX_READ_EVENTS, readEventsEnvelopeSchema, type ReadEventsResponse } from '../../../src/domain/audit.ts';
import { toIssues } from '../../../src/domain/validation.ts';
import { writeAudit } from '../../audit.ts';
import { auditExportText, auditRows, EXPORT_CONTENT_TYPE, exportFileName, parseAuditRange } from '../../audit/export.ts';
import { recordReads } from '../../audit/reads.ts';
import { authenticate, throttle, type AppContext } from '../context.ts';
import { fail } from '../errors.ts';

const AUDITORS = ['auditor'] as const;

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Any role of the app (an auditor reads no entries). A revoked device may still send
  // these, like its queued entries: they must reach the log before the device wipes itself.
  app.post('/api/v1/audit/reads', { config: { textCheckedPerItem: true } }, async (request) => {
    const session = await authenticate(ctx, request, undefined, { allowRevokedDevice: true });
    throttle(ctx, 'audit.reads', session);
    const body = request.body as { events?: unknown } | null;
    if (Array.isArray(body?.events) && body.events.length > MAX_READ_EVENTS) {
      throw fail.tooLarge(`Högst ${MAX_READ_EVENTS} händelser per förfrågan.`, { maxEvents: MAX_READ_EVENTS, received: body.events.length });
    }
    const parsed = v.safeParse(readEventsEnvelopeSchema, body);
    if (!parsed.success) throw fail.invalid(toIssues(parsed.issues));
    const who = { user: session.user, deviceId: session.deviceId, ip: request.ip, nowMs: ctx.clock() };
    const response: ReadEventsResponse = { results: await recordReads(ctx.db, who, parsed.output.events) };
    return response;
  });

  // No HEAD twin: every call is an audited export.
  app.get('/api/v1/audit', { exposeHeadRoute: false }, async (request, reply) => {
    const session = await authenticate(ctx, request, AUDITORS);
    const parsed = parseAuditRange(request.query as Record<string, unknown>);
    if (!parsed.ok) throw fail.invalid(parsed.issues);
    const { range } = parsed;
    const area = session.user.policeAreaId;
    // Recorded before the first row leaves: an export that breaks off is still on record.
    await writeAudit(ctx.db, ctx.clock(), {
      actorId: session.user.id,
      actorUsername: session.user.username,
      action: 'audit.export',
      target: area,
      deviceId: session.deviceId,
      ip: request.ip,
      details: { from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString(), format: range.format, policeAreaId: area },
    });
    const text = auditExportText(auditRows(ctx.db, range, area), range.format);
    return reply
      .type(EXPORT_CONTENT_TYPE[range.format])
      .header('content-disposition', `attachment; filename="${exportFileName(range, area)}"`)
      .send(Readable.from(text));
  });
}
