// The report as CSV for the kommun's own spreadsheets. Swedish Excel opens a file by
// double-click only if it is UTF-8 *with* a BOM (else å, ä, ö come out as Ã¥…) and
// separated by semicolons (the comma is the decimal separator). RFC 4180 otherwise:
// CRLF line ends, a field quoted when it holds the separator, a quote or a line break.
import { OUTCOME_COLUMNS } from '../tallies/outcomes.ts';
import { formatNumber } from '../tallies/format.ts';
import { t } from '../../i18n/index.ts';
import { reportRows, type ReportModel } from './model.ts';

export const BOM = '\uFEFF';
const SEP = ';';
const EOL = '\r\n';

/** One field. Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe (OWASP CSV injection). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(fields: Array<string | number | null>): string {
  return fields.map(csvField).join(SEP) + EOL;
}

export function reportCsv(model: ReportModel): string {
  const h = t.report.csvHeader;
  let out = BOM + line([
    h.kommun, h.promise, h.promisePeriod, h.reportPeriod, h.commitment, h.activity, h.activityText, h.owner, h.target,
    h.countInPeriod, h.targetWindow, h.countInWindow, h.expected, h.status, ...OUTCOME_COLUMNS.map((c) => c.label), h.completions,
  ]);
  for (const { promise, section, activity: a } of reportRows(model)) {
    out += line([
      model.kommunName,
      promise.example && !promise.title.includes(t.followUp.example) ? `${promise.title} (${t.followUp.example})` : promise.title,
      `${promise.validFrom} – ${promise.validTo}`,
      model.periodLabel,
      section.commitmentText ?? '',
      a.title,
      a.text,
      a.ownerLabel,
      a.targetLabel,
      a.countInPeriod,
      a.toDate.target === null ? '' : a.toDate.windowName,
      a.toDate.target === null ? null : a.toDate.count,
      a.toDate.expected,
      a.statusLabel,
      ...OUTCOME_COLUMNS.map((c) => (a.markedDone ? null : (a.outcomeValues[c.key] ?? null))),
      a.completions.map((c) => (c.note ? `${c.doneOn} ${c.note}` : c.doneOn)).join('; '),
    ]);
  }
  return out;
}

/** "uppfoljning-nassjo-2025-T1.csv": ASCII only, so every mail client and file system keeps it. */
export function csvFileName(model: ReportModel): string {
  const slug = model.kommunName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `uppfoljning-${slug || model.kommunId}-${model.periodKey}.csv`;
}
