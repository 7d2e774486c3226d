// The follow-up screens' reads: a kommun's tallies from the device's day rows, and the
// entries behind a figure. Not re-exported by db/index.ts: only the lazily loaded
// follow-up screens import it, so the tally domain (plan, days, tally) stays out of the
// log screen's first load (scripts/bundle-budget.ts).
import Dexie from 'dexie';
import type { Catalogue } from '../domain/catalogue/types.ts';
import type { LocalDate } from '../domain/calendar.ts';
import { planTallies, type TallyRequest } from '../domain/tallies/plan.ts';
import { rowsFromDays, type DayCount } from '../domain/tallies/days.ts';
import { completionRows, summarizeTallies, type KommunTallies } from '../domain/tallies/tally.ts';
import type { ActivityCompletion } from '../domain/tallies/completions.ts';
import type { EntryHead, FieldLogDb } from './schema.ts';
import { readStamped } from './receipts.ts';
import { openRecords } from './sealed.ts';

/** The kommun's day rows for Stockholm days [from, to], both inclusive: one index range. */
export async function loadDayCounts(db: FieldLogDb, kommunId: string, from: LocalDate, to: LocalDate): Promise<DayCount[]> {
  return db.dayTallies
    .where('[kommunId+day+activityId+kind]')
    // A key prefix sorts before its extensions, and maxKey after any id; one maxKey only:
    // the same array twice in a key is invalid (IndexedDB's "seen" rule).
    .between([kommunId, from], [kommunId, to, Dexie.maxKey], true, true)
    .toArray();
}

/** The kommun's tallies from the device's day rows and the coordinators' completions. */
export async function computeTallies(
  db: FieldLogDb,
  catalogue: Catalogue,
  request: TallyRequest,
  today: LocalDate,
  completions: readonly ActivityCompletion[],
): Promise<KommunTallies> {
  const plan = planTallies(catalogue, request);
  const days = await loadDayCounts(db, plan.kommunId, plan.countFrom, plan.countTo);
  const rows = [...rowsFromDays(plan, days), ...completionRows(plan, completions)];
  return summarizeTallies(catalogue, plan, rows, today);
}

/**
 * The live entries behind a figure: heads of the activity on Stockholm days [from, to],
 * newest first. Chosen and sorted on the readable fields, then opened in one go.
 */
export async function entriesBehind(db: FieldLogDb, q: { kommunId: string; activityId: string; from: LocalDate; to: LocalDate }): Promise<EntryHead[]> {
  const heads = await readStamped(db, db.entries, () =>
    db.entries
      .where('[content.kommunId+localDay]')
      .between([q.kommunId, q.from], [q.kommunId, q.to], true, true)
      .filter((h) => h.op !== 'void' && h.content.activityId === q.activityId)
      .toArray(),
  );
  heads.sort((a, b) => (a.content.startedAt < b.content.startedAt ? 1 : a.content.startedAt > b.content.startedAt ? -1 : a.id < b.id ? 1 : -1));
  return openRecords(heads);
}
