// How a tally reads in Swedish, shared by the dashboard, the printed report and the CSV,
// so that the three never word a target or a status differently.
import type { Activity, Owner, Target } from '../../../domain/catalogue/types.ts';
import type { TargetProgress, TargetStatus } from '../../../domain/tallies/tally.ts';
import { locale, t } from '../../i18n/index.ts';

// Numbers keep the Swedish decimal comma in both languages: the CSV goes to Swedish Excel,
// and the dashboard must read as the report does.
const decimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "26,3": Swedish decimal comma, at most one decimal. */
export function formatNumber(n: number): string {
  // Intl writes a minus sign (U+2212) and narrow no-break spaces; neither matters here
  // (counts are small and never negative) but keep plain digits for the CSV.
  return decimal.format(n).replace(/\s/g, '');
}

export function ownerLabel(owner: Owner): string {
  return t.followUp.owner[owner];
}

/** The target as the document states it: "30 per år", "15 under perioden", "15 (ingen period angiven)", "–". */
export function targetLabel(target: Target): string {
  if (target.kind === 'none') return t.followUp.noTarget;
  if (target.per === 'year') return t.followUp.targetPerYear(target.count);
  return target.perStated ? t.followUp.targetPerPeriod(target.count) : t.followUp.targetNoPeriod(target.count);
}

export function statusLabel(status: TargetStatus): string {
  return t.followUp.status[status];
}

/** A symbol beside the word, so the chip never speaks by colour alone (and prints in black). */
export const STATUS_SYMBOL: Record<TargetStatus, string> = {
  achieved: '✓',
  on_track: '●',
  behind: '▼',
  missed: '✕',
  not_started: '○',
};

/** "under 2026" or "under perioden": the stretch a target counts over. */
export function windowLabel(progress: TargetProgress): string {
  return progress.window.scope === 'year' ? t.followUp.windowYear(progress.window.from.slice(0, 4)) : t.followUp.windowPeriod;
}

/** "2026" or "hela perioden": the window as a table cell. */
export function windowName(progress: TargetProgress): string {
  return progress.window.scope === 'year' ? progress.window.from.slice(0, 4) : t.followUp.windowPeriodName;
}

/** "27 av 30 under 2026". */
export function progressText(progress: TargetProgress): string {
  return t.followUp.progress(progress.count, progress.target, windowLabel(progress));
}

/** Activities no officer logs are ticked off by a coordinator instead. */
export function isMarkedDone(activity: Activity): boolean {
  return activity.entryKinds.length === 0;
}

// In the chosen language ("30 april 2025" / "30 April 2025"); made on first use, after boot set it.
let longDateFormat: Intl.DateTimeFormat | undefined;
const longDate = () => (longDateFormat ??= new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'long' }));

/** A Stockholm calendar date as "30 april 2025" (the date is a calendar day, so no time zone shift). */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return longDate().format(new Date(Date.UTC(y!, m! - 1, d!)));
}
