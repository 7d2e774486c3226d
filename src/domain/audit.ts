// The audit contract the app shares with the server: reads of another officer's data
// that happen on the device (the server cannot see them) are reported to
// POST /api/v1/audit/reads, queued on the device like entries when offline. The data
// protection officer's export is GET /api/v1/audit (role 'auditor'). See docs/api.md.
import * as v from 'valibot';
import { noPersonalData, toIssues, type ValidationIssue } from './validation.ts';

/** Largest batch of read events a device sends and the server accepts. */
export const MAX_READ_EVENTS = 500;
export const JUSTIFICATION_MAX = 200;

/** Where on the device another officer's entry was opened. */
export const READ_VIEWS = ['entry_detail', 'drilldown', 'report'] as const;
export type ReadView = (typeof READ_VIEWS)[number];

export interface ReadEvent {
  /** Made on the device (crypto.randomUUID): a second delivery of the same id is not a second audit row. */
  id: string;
  /** Device clock when the entry was opened, ISO UTC. */
  at: string;
  entryId: string;
  /** The officer whose entry it is. */
  ownerId: string;
  view: ReadView;
  /** Why, when the UI asked; checked by the personal-data guard like every free text. */
  justification: string | null;
}

export interface ReadEventsRequest {
  events: ReadEvent[];
}

/** 'recorded': a new audit row; 'duplicate': this id was recorded before; 'rejected': see errors (never retried as it is). */
export type ReadEventStatus = 'recorded' | 'duplicate' | 'rejected';
export interface ReadEventResult {
  id: string;
  status: ReadEventStatus;
  errors?: ValidationIssue[];
}
export interface ReadEventsResponse {
  results: ReadEventResult[];
}

/** GET /api/v1/audit?from=&to=&format= : one exported row (NDJSON line, or a CSV row in this column order). */
export interface AuditExportRow {
  id: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  target: string | null;
  deviceId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
export const AUDIT_EXPORT_COLUMNS = ['id', 'at', 'actorId', 'actorUsername', 'action', 'target', 'deviceId', 'ip', 'details'] as const satisfies readonly (keyof AuditExportRow)[];
export const AUDIT_EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const uuid = (message: string) => v.pipe(v.string(message), v.regex(UUID, message));

const readEventSchema = v.strictObject({
  id: uuid('Ogiltigt id (UUID med gemener).'),
  at: v.pipe(v.string('Ange tid.'), v.regex(ISO_UTC, 'Ogiltig tid (ISO 8601 i UTC).'), v.check((s) => !Number.isNaN(Date.parse(s)), 'Ogiltig tid.')),
  entryId: uuid('Ogiltigt id för registreringen.'),
  ownerId: v.pipe(v.string('Ange vems registreringen är.'), v.minLength(1, 'Ange vems registreringen är.'), v.maxLength(64, 'För långt id.')),
  view: v.picklist(READ_VIEWS, 'Okänd vy.'),
  justification: v.nullable(
    v.pipe(v.string('Ogiltig motivering.'), v.trim(), v.maxLength(JUSTIFICATION_MAX, `Motiveringen får vara högst ${JUSTIFICATION_MAX} tecken.`), noPersonalData()),
  ),
});

export const readEventsEnvelopeSchema = v.strictObject({
  // Items are checked one by one, so that one bad event is rejected alone and never blocks a device's queue.
  events: v.pipe(v.array(v.unknown(), 'events ska vara en lista.'), v.maxLength(MAX_READ_EVENTS, `Högst ${MAX_READ_EVENTS} händelser per förfrågan.`)),
});

export type ValidatedReadEvent = { ok: true; value: ReadEvent } | { ok: false; id: string; issues: ValidationIssue[] };

/** One event as the app queues it and the server records it (justification trimmed, '' → null). */
export function validateReadEvent(input: unknown): ValidatedReadEvent {
  const r = v.safeParse(readEventSchema, input);
  if (r.success) return { ok: true, value: { ...r.output, justification: r.output.justification || null } };
  const id = (input as { id?: unknown } | null)?.id;
  return { ok: false, id: typeof id === 'string' && id.length <= 64 ? id : '', issues: toIssues(r.issues) };
}
