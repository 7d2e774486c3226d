// The follow-up report for kommunstyrelsen as plain data: per promise in the period, each
// commitment's text with its activities, their targets, outcomes and status, and what
// the kommun has marked done. The screen, the print-out and the CSV are all made from it.
import type { Activity, Catalogue, CitizenPromise, Owner } from '../../../domain/catalogue/types.ts';
import { kommunName } from '../../../domain/catalogue/lookup.ts';
import type { LocalDate } from '../../../domain/calendar.ts';
import { PERIOD_CELL, RANGE_CELL, type ActivityTally, type KommunTallies, type TargetStatus } from '../../../domain/tallies/tally.ts';
import type { ActivityCompletion } from '../../../domain/tallies/completions.ts';
import { isMarkedDone, ownerLabel, statusLabel, targetLabel, windowLabel, windowName } from '../tallies/format.ts';
import { outcomePhrases, outcomeValues } from '../tallies/outcomes.ts';
import { periodLabel } from '../tallies/periods.ts';
import { t } from '../../i18n/index.ts';

export interface ReportCompletion {
  doneOn: LocalDate;
  note: string;
}

export interface ReportActivity {
  activityId: string;
  title: string;
  /** The document's sentence, verbatim. */
  text: string;
  owner: Owner;
  ownerLabel: string;
  /** As written: "30 per år", "15 (ingen period angiven)", "–". */
  targetLabel: string;
  markedDone: boolean;
  countInPeriod: number;
  /** Against the target when there is one (its window up to the period's end), else the promise period so far. */
  toDate: { count: number; target: number | null; expected: number | null; windowLabel: string; windowName: string };
  status: TargetStatus | null;
  statusLabel: string;
  outcomes: string[];
  outcomeValues: Record<string, number | null>;
  /** Marked done in the report period (withdrawn marks left out). */
  completions: ReportCompletion[];
}

export interface ReportSection {
  /** 1-based number of the commitment in its promise; null for activities tied to none. */
  commitmentNumber: number | null;
  commitmentText: string | null;
  activities: ReportActivity[];
}

export interface ReportPromise {
  promiseId: string;
  title: string;
  validFrom: LocalDate;
  validTo: LocalDate;
  signedOn: string | null;
  example: boolean;
  sections: ReportSection[];
}

export interface ReportModel {
  kommunId: string;
  kommunName: string;
  periodKey: string;
  /** "Tertial 1 2025". */
  periodLabel: string;
  from: LocalDate;
  to: LocalDate;
  /** Statuses are as of the end of this day (the period's end, or today while it runs). */
  asOf: LocalDate;
  promises: ReportPromise[];
}

export interface ReportInput {
  catalogue: Catalogue;
  /** Tallies computed for exactly the report period. */
  tallies: KommunTallies;
  completions: readonly ActivityCompletion[];
  periodKey: string;
}

function reportActivity(activity: Activity, tally: ActivityTally | undefined, completions: readonly ActivityCompletion[], from: LocalDate, to: LocalDate): ReportActivity {
  const range = tally?.cells[RANGE_CELL];
  const progress = tally?.target ?? null;
  const markedDone = isMarkedDone(activity);
  return {
    activityId: activity.id,
    title: activity.title,
    text: activity.text,
    owner: activity.owner,
    ownerLabel: ownerLabel(activity.owner),
    targetLabel: targetLabel(activity.target),
    markedDone,
    countInPeriod: range?.count ?? 0,
    toDate: progress
      ? { count: progress.count, target: progress.target, expected: progress.expected, windowLabel: windowLabel(progress), windowName: windowName(progress) }
      : { count: tally?.cells[PERIOD_CELL]?.count ?? 0, target: null, expected: null, windowLabel: t.followUp.windowPeriod, windowName: t.followUp.windowPeriodName },
    status: progress?.status ?? null,
    statusLabel: progress ? statusLabel(progress.status) : '',
    outcomes: markedDone ? [] : outcomePhrases(activity, range?.sums ?? {}),
    outcomeValues: outcomeValues(range?.sums ?? {}),
    completions: completions
      .filter((c) => c.activityId === activity.id && c.withdrawnAt === null && c.doneOn >= from && c.doneOn <= to)
      .sort((a, b) => (a.doneOn < b.doneOn ? -1 : a.doneOn > b.doneOn ? 1 : 0))
      .map((c) => ({ doneOn: c.doneOn, note: c.note })),
  };
}

function reportPromise(promise: CitizenPromise, tallies: KommunTallies, completions: readonly ActivityCompletion[]): ReportPromise {
  const byId = new Map(tallies.promises.find((p) => p.promiseId === promise.id)?.activities.map((a) => [a.activityId, a]) ?? []);
  const one = (a: Activity) => reportActivity(a, byId.get(a.id), completions, tallies.from, tallies.to);
  const sections: ReportSection[] = promise.commitments.map((c, i) => ({
    commitmentNumber: i + 1,
    commitmentText: c.text,
    activities: promise.activities.filter((a) => a.commitmentId === c.id).map(one),
  }));
  const loose = promise.activities.filter((a) => a.commitmentId === null || !promise.commitments.some((c) => c.id === a.commitmentId));
  if (loose.length > 0) sections.push({ commitmentNumber: null, commitmentText: null, activities: loose.map(one) });
  return { promiseId: promise.id, title: promise.title, validFrom: promise.validFrom, validTo: promise.validTo, signedOn: promise.signedOn, example: promise.example, sections };
}

export function buildReport({ catalogue, tallies, completions, periodKey }: ReportInput): ReportModel {
  const promises = tallies.promises
    .map((pt) => catalogue.promises.find((p) => p.id === pt.promiseId))
    .filter((p): p is CitizenPromise => p !== undefined)
    .map((p) => reportPromise(p, tallies, completions));
  return {
    kommunId: tallies.kommunId,
    kommunName: kommunName(catalogue, tallies.kommunId),
    periodKey,
    periodLabel: periodLabel(periodKey),
    from: tallies.from,
    to: tallies.to,
    asOf: tallies.asOf,
    promises,
  };
}

/** Every activity of the report, in reading order, with its promise and section. */
export function* reportRows(model: ReportModel): Generator<{ promise: ReportPromise; section: ReportSection; activity: ReportActivity }> {
  for (const promise of model.promises) for (const section of promise.sections) for (const activity of section.activities) yield { promise, section, activity };
}
