// The audit log for the data protection officer: the rows of a time range, for one
// police area (GET /api/v1/audit, role 'auditor') or all of them (admin CLI
// export-audit), as NDJSON or as CSV for Swedish Excel. Read in pages by id so that an
// export of any size streams in constant memory; the export itself is audited first.
import { addDays, isLocalDate, startOfLocalDate } from '../../src/domain/calendar.ts';
import { AUDIT_EXPORT_COLUMNS, AUDIT_EXPORT_FORMATS, type AuditExportFormat, type AuditExportRow } from '../../src/domain/audit.ts';
import { CSV_BOM, csvLine } from '../../src/domain/csv.ts';
import type { ValidationIssue } from '../../src/domain/validation.ts';
import type { Queryable } from '../db/db.ts';

export interface AuditRange {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
  format: AuditExportFormat;
}

export type ParsedAuditRange = { ok: true; range: AuditRange } | { ok: false; issues: ValidationIssue[] };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * `from` and `to`: a Stockholm date (YYYY-MM-DD; `to` includes its whole day) or an ISO
 * UTC instant (`to` exclusive). Both required: an export is always of a stated range.
 */
export function parseAuditRange(query: Record<string, unknown>): ParsedAuditRange {
  const issues: ValidationIssue[] = [];
  const instant = (field: 'from' | 'to'): number | null => {
    const raw = query[field];
    if (typeof raw === 'string' && isLocalDate(raw)) return startOfLocalDate(field === 'to' ? addDays(raw, 1) : raw);
    if (typeof raw === 'string' && INSTANT.test(raw) && !Number.isNaN(Date.parse(raw))) return Date.parse(raw);
    issues.push({ field, code: raw === undefined || raw === '' ? 'missing' : 'date', message: 'Ange datum som ÅÅÅÅ-MM-DD eller tid som ÅÅÅÅ-MM-DDTtt:mm:ssZ.' });
    return null;
  };
  const fromMs = instant('from');
  const toMs = instant('to');
  const format = query.format ?? 'ndjson';
  if (typeof format !== 'string' || !(AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
    issues.push({ field: 'format', code: 'picklist', message: 'Ange format csv eller ndjson.' });
  }
  if (issues.length || fromMs === null || toMs === null) return { ok: false, issues };
  if (fromMs >= toMs) return { ok: false, issues: [{ field: 'to', code: 'before_from', message: 'Slutet ligger före början.' }] };
  return { ok: true, range: { fromMs, toMs, format: format as AuditExportFormat } };
}

/** A row of audit_log as the database returns it. */
export interface AuditLogRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  target: string | null;
  device_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

const PAGE = 1000;

// The area's rows: those its users did, and those without an actor (failed logins, the
// admin command line) that name one of its users by id or username. Users are placed by
// their current police area.
const AREA_CLAUSE = `AND ($5::text IS NULL
  OR a.actor_id IN (SELECT u.id FROM users u WHERE u.police_area_id = $5)
  OR (a.actor_id IS NULL AND a.target IN (SELECT u.id::text FROM users u WHERE u.police_area_id = $5
                                          UNION ALL SELECT u.username FROM users u WHERE u.police_area_id = $5)))`;

/** The range's rows in id order, a page at a time; `policeAreaId` null: every area. */
export async function* auditRows(q: Queryable, range: AuditRange, policeAreaId: string | null): AsyncGenerator<AuditExportRow> {
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  // Bound the id range once through the index on `at`, then walk the primary key: each page is an index range scan.
  const [bounds] = await q.query<{ lo: number | null; hi: number | null }>('SELECT min(id) AS lo, max(id) AS hi FROM audit_log WHERE at >= $1 AND at < $2', [from, to]);
  if (!bounds || bounds.lo === null || bounds.hi === null) return;
  let after = Number(bounds.lo) - 1;
  const hi = Number(bounds.hi);
  for (;;) {
    const rows = await q.query<AuditLogRow>(
      `SELECT a.id, a.at, a.actor_id, a.actor_username, a.action, a.target, a.device_id, a.ip, a.details
       FROM audit_log a
       WHERE a.id > $1 AND a.id <= $2 AND a.at >= $3 AND a.at < $4 ${AREA_CLAUSE}
       ORDER BY a.id LIMIT ${PAGE}`,
      [after, hi, from, to, policeAreaId],
    );
    for (const r of rows) {
      yield { id: Number(r.id), at: r.at.toISOString(), actorId: r.actor_id, actorUsername: r.actor_username, action: r.action, target: r.target, deviceId: r.device_id, ip: r.ip, details: r.details };
    }
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

const cell = (row: AuditExportRow, column: (typeof AUDIT_EXPORT_COLUMNS)[number]): string => {
  const value = row[column];
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** The export as text chunks: NDJSON (one JSON object per line) or CSV (BOM, header, ';', CRLF, formulas defused). */
export async function* auditExportText(rows: AsyncIterable<AuditExportRow>, format: AuditExportFormat): AsyncGenerator<string> {
  if (format === 'csv') yield CSV_BOM + csvLine(AUDIT_EXPORT_COLUMNS);
  let chunk = '';
  for await (const row of rows) {
    chunk += format === 'csv' ? csvLine(AUDIT_EXPORT_COLUMNS.map((c) => cell(row, c))) : `${JSON.stringify(row)}\n`;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export const EXPORT_CONTENT_TYPE: Record<AuditExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** "granskning-omr-a-2025-06-01T00-00-00Z--2025-07-01T00-00-00Z.csv": ASCII, no colons. */
export function exportFileName(range: AuditRange, area: string | null): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  const slug = (area ?? 'alla').replace(/[^A-Za-z0-9_-]+/g, '-');
  return `granskning-${slug}-${stamp(range.fromMs)}--${stamp(range.toMs)}.${range.format}`;
}
