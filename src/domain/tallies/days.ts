// The device keeps, per kommun and Stockholm day, how many entries of each activity and
// kind count and their outcome sums, updated in the same transaction as the entry
// (src/db/day-tallies.ts). A tally then folds a few thousand day rows, not every entry.
import type { EntryKind } from '../catalogue/types.ts';
import type { LocalDate } from '../calendar.ts';
import { addSums, type Sums } from './outcomes.ts';
import { bucketKeyOfDay, type TallyPlan } from './plan.ts';
import type { TallyRow } from './tally.ts';

export interface DayCount {
  activityId: string;
  kind: EntryKind;
  day: LocalDate;
  count: number;
  sums: Sums;
}

export function rowsFromDays(plan: TallyPlan, days: Iterable<DayCount>): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const d of days) {
    if (d.count === 0) continue;
    const bucket = bucketKeyOfDay(plan, d.day);
    if (bucket === null) continue;
    const key = `${d.activityId}|${d.kind}|${bucket}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { activityId: d.activityId, source: d.kind, bucket, count: 0, sums: {} }));
    row.count += d.count;
    addSums(row.sums, d.sums);
  }
  return [...rows.values()];
}
