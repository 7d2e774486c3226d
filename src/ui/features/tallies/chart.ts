// The bars of an activity's chart: every quarter or tertial of its promise's period.
import type { Activity, CitizenPromise } from '../../../domain/catalogue/types.ts';
import { bucketsBetween, type LocalDate } from '../../../domain/calendar.ts';
import { t } from '../../i18n/index.ts';
import { bucketName } from './periods.ts';
import type { Grain } from '../../../domain/tallies/plan.ts';
import type { ActivityTally } from '../../../domain/tallies/tally.ts';
import type { ChartBar } from './BarChart.tsx';

export function chartBars(promise: CitizenPromise, tally: ActivityTally, grain: Grain, asOf: LocalDate): ChartBar[] {
  return bucketsBetween(promise.validFrom, promise.validTo, grain).map((b) => ({
    key: b.key,
    label: bucketName(b),
    short: t.followUp.bucketShort(grain === 'quarter', b.index),
    year: b.year,
    count: tally.cells[b.key]?.count ?? 0,
    future: b.from > asOf,
  }));
}

/** What an even pace towards the target gives per bucket, for the dashed line; null without a target. */
export function pacePerBucket(activity: Activity, promise: CitizenPromise, grain: Grain): number | null {
  if (activity.target.kind !== 'count') return null;
  if (activity.target.per === 'year') return activity.target.count / (grain === 'quarter' ? 4 : 3);
  return activity.target.count / Math.max(1, bucketsBetween(promise.validFrom, promise.validTo, grain).length);
}
