// The query string of GET /api/v1/tallies, checked and completed into a TallyRequest.
// `from`/`to` default to the current Stockholm calendar year; one given alone is
// completed to the end (or start) of its own year, so a lone date never makes from > to.
import { bucketOf, isLocalDate, localDate, type LocalDate } from '../../src/domain/calendar.ts';
import type { Grain, TallyRequest } from '../../src/domain/tallies/plan.ts';
import type { ValidationIssue } from '../../src/domain/validation.ts';

/** The longest range one request may count (the plan and the SQL grow with it). */
export const MAX_SPAN_YEARS = 10;

const GRAINS: readonly Grain[] = ['quarter', 'tertial'];

export type ParsedTallyQuery = { ok: true; request: TallyRequest } | { ok: false; issues: ValidationIssue[] };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The same day `years` later, as a string that compares correctly even for 29 February. */
const plusYears = (date: LocalDate, years: number): string => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

export function parseTallyQuery(query: Record<string, unknown>, nowMs: number): ParsedTallyQuery {
  const issues: ValidationIssue[] = [];
  const kommunId = str(query.kommun);
  if (query.kommun === undefined || query.kommun === '') issues.push({ field: 'kommun', code: 'missing', message: 'Ange kommun.' });
  else if (kommunId === undefined || kommunId.length > 64) issues.push({ field: 'kommun', code: 'type', message: 'Ogiltig kommun.' });

  const date = (field: 'from' | 'to'): LocalDate | undefined => {
    const raw = query[field];
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw !== 'string' || !isLocalDate(raw)) {
      issues.push({ field, code: 'date', message: 'Ange datum som ÅÅÅÅ-MM-DD.' });
      return undefined;
    }
    return raw;
  };
  const givenFrom = date('from');
  const givenTo = date('to');

  let by: Grain | undefined;
  const rawBy = query.by;
  if (rawBy !== undefined && rawBy !== '') {
    if (typeof rawBy === 'string' && (GRAINS as readonly string[]).includes(rawBy)) by = rawBy as Grain;
    else issues.push({ field: 'by', code: 'picklist', message: 'Ange quarter (kvartal) eller tertial.' });
  }
  if (issues.length) return { ok: false, issues };

  const thisYear = bucketOf(localDate(nowMs), 'year');
  const from = givenFrom ?? (givenTo ? bucketOf(givenTo, 'year').from : thisYear.from);
  const to = givenTo ?? (givenFrom ? bucketOf(givenFrom, 'year').to : thisYear.to);
  if (from > to) return { ok: false, issues: [{ field: 'to', code: 'before_from', message: 'Slutdatumet ligger före startdatumet.' }] };
  if (to >= plusYears(from, MAX_SPAN_YEARS)) {
    return { ok: false, issues: [{ field: 'to', code: 'span', message: `Perioden får vara högst ${MAX_SPAN_YEARS} år.` }] };
  }
  return { ok: true, request: { kommunId: kommunId!, from, to, ...(by ? { by } : {}) } };
}
