// The tally arithmetic: counted rows (from the device's per-day counts, or from the
// server's SQL) folded into cells per activity and bucket, year, whole promise period
// and the asked-for range, and each target's status. Client and server call this same
// function, so the dashboard and the server's /tallies cannot disagree on a rule.
import type { Activity, CitizenPromise, EntryKind } from '../catalogue/types.ts';
import type { Catalogue } from '../catalogue/types.ts';
import { bucketOf, daysInclusive, parseBucketKey, type Bucket, type LocalDate } from '../calendar.ts';
import { OUTCOMES, addSums, type Sums } from './outcomes.ts';
import type { TallyPlan } from './plan.ts';
import type { ActivityCompletion } from './completions.ts';

/** Where a count comes from: an entry kind logged by officers, or a coordinator's "done". */
export type TallySource = EntryKind | 'completion';

/** Counted entries (or completions) of one activity and source in one bucket. */
export interface TallyRow {
  activityId: string;
  source: TallySource;
  /** Bucket key of the plan's grain, e.g. "2025-Q3". */
  bucket: string;
  count: number;
  /** The outcome sums of the source's kind (OUTCOMES); empty for completions. */
  sums: Sums;
}

export interface TallyCell {
  count: number;
  sums: Sums;
}

export type TargetStatus = 'achieved' | 'on_track' | 'behind' | 'missed' | 'not_started';

export interface TargetProgress {
  /** The stretch the target is for: a calendar year within the period, or the whole period. */
  window: { from: LocalDate; to: LocalDate; scope: 'year' | 'period' };
  target: number;
  /** Counted in the window up to asOf. */
  count: number;
  /** What a steady pace would have reached by asOf (one decimal). */
  expected: number;
  status: TargetStatus;
}

/** Cell keys besides the grain's bucket keys ("2025-Q1") and years ("2025"). */
export const PERIOD_CELL = 'period';
export const RANGE_CELL = 'range';

export interface ActivityTally {
  activityId: string;
  /** Grain buckets, years, PERIOD_CELL (the promise's whole period up to countTo), RANGE_CELL (the asked-for period). */
  cells: Record<string, TallyCell>;
  /** Counts in the asked-for period per source (LOB and PL under one activity are apart). */
  bySource: Partial<Record<TallySource, number>>;
  target: TargetProgress | null;
}

export interface PromiseTally {
  promiseId: string;
  /** Grain bucket keys of the promise's period that the plan counts, in order. */
  buckets: string[];
  activities: ActivityTally[];
}

export interface KommunTallies {
  kommunId: string;
  grain: TallyPlan['grain'];
  from: LocalDate;
  to: LocalDate;
  /** Statuses are judged as of the end of this day: the earlier of today and `to`. */
  asOf: LocalDate;
  promises: PromiseTally[];
}

/** Rows from coordinators' completions ("done" with a date), for activities no officer logs. */
export function completionRows(plan: TallyPlan, completions: readonly ActivityCompletion[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const c of completions) {
    if (c.withdrawnAt !== null || c.kommunId !== plan.kommunId || c.doneOn < plan.countFrom || c.doneOn > plan.countTo) continue;
    const bucket = bucketOf(c.doneOn, plan.grain).key;
    const key = `${c.activityId}|${bucket}`;
    const row = rows.get(key) ?? { activityId: c.activityId, source: 'completion' as const, bucket, count: 0, sums: {} };
    row.count += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

function zeroSums(activity: Activity): Sums {
  const sums: Sums = {};
  for (const kind of activity.entryKinds) for (const { field } of OUTCOMES[kind]) sums[field] = 0;
  return sums;
}

const overlaps = (b: Bucket, from: LocalDate, to: LocalDate) => b.from <= to && b.to >= from;

/** The target's window that asOf falls in (clamped into the promise's period). */
function targetWindow(activity: Activity, promise: CitizenPromise, asOf: LocalDate): TargetProgress['window'] | null {
  if (activity.target.kind !== 'count') return null;
  if (activity.target.per === 'period') return { from: promise.validFrom, to: promise.validTo, scope: 'period' };
  const day = asOf < promise.validFrom ? promise.validFrom : asOf > promise.validTo ? promise.validTo : asOf;
  const year = bucketOf(day, 'year');
  return { from: year.from > promise.validFrom ? year.from : promise.validFrom, to: year.to < promise.validTo ? year.to : promise.validTo, scope: 'year' };
}

/**
 * A target "per år" applies in full to every calendar year the period touches, as the
 * document says it; only the expectation to date is pro-rated over the part of the year
 * the period covers (docs/decisions.md: a period signed in April still promised
 * "under året minst två").
 */
export function targetProgress(activity: Activity, promise: CitizenPromise, count: (from: LocalDate, to: LocalDate) => number, asOf: LocalDate, today: LocalDate): TargetProgress | null {
  const window = targetWindow(activity, promise, asOf);
  if (!window || activity.target.kind !== 'count') return null;
  const target = activity.target.count;
  const counted = count(window.from, window.to);
  const elapsed = asOf < window.from ? 0 : daysInclusive(window.from, asOf < window.to ? asOf : window.to);
  const expectedRaw = (target * elapsed) / daysInclusive(window.from, window.to);
  // The window is over only when its last day has been counted in full.
  const ended = window.to <= asOf && asOf < today;
  const status: TargetStatus =
    counted >= target ? 'achieved' : asOf < window.from ? 'not_started' : ended ? 'missed' : counted >= Math.floor(expectedRaw) ? 'on_track' : 'behind';
  return { window, target, count: counted, expected: Math.round(expectedRaw * 10) / 10, status };
}

function tallyActivity(plan: TallyPlan, promise: CitizenPromise, activity: Activity, rows: readonly TallyRow[], asOf: LocalDate, today: LocalDate): ActivityTally {
  const cells: Record<string, TallyCell> = {};
  const cell = (key: string) => (cells[key] ??= { count: 0, sums: zeroSums(activity) });
  const bySource: ActivityTally['bySource'] = {};
  const inPromise = plan.buckets.filter((b) => overlaps(b, promise.validFrom, promise.validTo));
  for (const b of inPromise) {
    cell(b.key);
    cell(String(b.year));
  }
  cell(PERIOD_CELL);
  cell(RANGE_CELL);
  for (const row of rows) {
    const b = parseBucketKey(row.bucket);
    if (!b || row.count === 0 || !overlaps(b, promise.validFrom, promise.validTo)) continue;
    for (const key of [row.bucket, String(b.year), PERIOD_CELL]) {
      const c = cell(key);
      c.count += row.count;
      addSums(c.sums, row.sums);
    }
    if (overlaps(b, plan.from, plan.to)) {
      const c = cell(RANGE_CELL);
      c.count += row.count;
      addSums(c.sums, row.sums);
      bySource[row.source] = (bySource[row.source] ?? 0) + row.count;
    }
  }
  const countIn = (from: LocalDate, to: LocalDate) => inPromise.filter((b) => overlaps(b, from, to)).reduce((n, b) => n + (cells[b.key]?.count ?? 0), 0);
  return { activityId: activity.id, cells, bySource, target: targetProgress(activity, promise, countIn, asOf, today) };
}

/** Fold counted rows into the kommun's tallies. `today` is the Stockholm date now. */
export function summarizeTallies(catalogue: Catalogue, plan: TallyPlan, rows: readonly TallyRow[], today: LocalDate): KommunTallies {
  const asOf = today < plan.to ? today : plan.to;
  const byActivity = new Map<string, TallyRow[]>();
  for (const r of rows) {
    const list = byActivity.get(r.activityId);
    if (list) list.push(r);
    else byActivity.set(r.activityId, [r]);
  }
  const promises: PromiseTally[] = [];
  for (const id of plan.promiseIds) {
    const promise = catalogue.promises.find((p) => p.id === id);
    if (!promise) continue;
    promises.push({
      promiseId: id,
      buckets: plan.buckets.filter((b) => overlaps(b, promise.validFrom, promise.validTo)).map((b) => b.key),
      activities: promise.activities.map((a) => tallyActivity(plan, promise, a, byActivity.get(a.id) ?? [], asOf, today)),
    });
  }
  return { kommunId: plan.kommunId, grain: plan.grain, from: plan.from, to: plan.to, asOf, promises };
}
