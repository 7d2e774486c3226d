// A kommun's tallies on the server: the plan and the folding are the app's own
// (src/domain/tallies); only the counting of rows is SQL.
import type { Catalogue } from '../../src/domain/catalogue/types.ts';
import { localDate } from '../../src/domain/calendar.ts';
import { completionRows, planTallies, summarizeTallies, type KommunTallies, type TallyRequest } from '../../src/domain/tallies/index.ts';
import { countedCompletions } from '../completions/store.ts';
import type { Queryable } from '../db/db.ts';
import { tallyRows } from './query.ts';

/** `catalogue` must hold the kommun's published promises; today is the Stockholm date of nowMs. */
export async function kommunTallies(q: Queryable, catalogue: Catalogue, request: TallyRequest, nowMs: number): Promise<KommunTallies> {
  const plan = planTallies(catalogue, request);
  const [entryRows, completions] = await Promise.all([tallyRows(q, plan), countedCompletions(q, plan.kommunId, plan.countFrom, plan.countTo)]);
  return summarizeTallies(catalogue, plan, [...entryRows, ...completionRows(plan, completions)], localDate(nowMs));
}
