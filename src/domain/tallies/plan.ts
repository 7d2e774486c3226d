// Which stretch of time a tally counts, in which buckets. Both the device (from its
// per-day counts) and the server (from SQL, given the bucket bounds as UTC instants)
// count into the same buckets, so the calendar rule stays here.
import type { Catalogue, CitizenPromise } from '../catalogue/types.ts';
import { addDays, bucketOf, bucketsBetween, startOfLocalDate, type Bucket, type LocalDate } from '../calendar.ts';

/** The bucket a kommun follows up by. Years are made of these, so both nest in a year. */
export type Grain = 'quarter' | 'tertial';

export interface TallyRequest {
  kommunId: string;
  /** Any day of the first and last bucket asked for; snapped to whole buckets. */
  from: LocalDate;
  to: LocalDate;
  /** Defaults to the reporting period of the kommun's latest promise in the range. */
  by?: Grain;
}

export interface TallyPlan {
  kommunId: string;
  grain: Grain;
  /** The asked-for period, snapped to whole buckets. */
  from: LocalDate;
  to: LocalDate;
  /**
   * What is counted: from the start of the earliest promise in range (so a year or
   * whole-period target sees its earlier entries) up to `to` (so a report for a past
   * quarter is not changed by what came after it).
   */
  countFrom: LocalDate;
  countTo: LocalDate;
  /** Published promises of the kommun that overlap [from, to], earliest first. */
  promiseIds: string[];
  /** Every bucket of the grain from countFrom to countTo. */
  buckets: Bucket[];
}

export function promisesInRange(catalogue: Catalogue, kommunId: string, from: LocalDate, to: LocalDate): CitizenPromise[] {
  return catalogue.promises
    .filter((p) => p.kommunId === kommunId && p.status === 'published' && p.validFrom <= to && p.validTo >= from)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.id < b.id ? -1 : 1));
}

export function planTallies(catalogue: Catalogue, request: TallyRequest): TallyPlan {
  const grain = request.by ?? promisesInRange(catalogue, request.kommunId, request.from, request.to).at(-1)?.reportingPeriod ?? 'quarter';
  const from = bucketOf(request.from, grain).from;
  const to = bucketOf(request.to, grain).to;
  const promises = promisesInRange(catalogue, request.kommunId, from, to);
  const earliest = promises.reduce((min, p) => (p.validFrom < min ? p.validFrom : min), from);
  const countFrom = bucketOf(earliest, grain).from;
  return { kommunId: request.kommunId, grain, from, to, countFrom, countTo: to, promiseIds: promises.map((p) => p.id), buckets: bucketsBetween(countFrom, to, grain) };
}

/**
 * The buckets' bounds as UTC instants: n buckets give n + 1 bounds, bucket i counting
 * [bounds[i], bounds[i + 1]). The server passes them to SQL width_bucket().
 */
export function bucketBounds(plan: TallyPlan): string[] {
  const bounds = plan.buckets.map((b) => new Date(startOfLocalDate(b.from)).toISOString());
  const last = plan.buckets.at(-1);
  if (last) bounds.push(new Date(startOfLocalDate(addDays(last.to, 1))).toISOString());
  return bounds;
}

/** The key of the bucket a local day falls in, or null when the plan does not count that day. */
export function bucketKeyOfDay(plan: TallyPlan, day: LocalDate): string | null {
  if (day < plan.countFrom || day > plan.countTo) return null;
  return bucketOf(day, plan.grain).key;
}
