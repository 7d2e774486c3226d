// Per-day counts of the entries that count (schema v3): for each kommun, Stockholm day,
// activity and kind, how many live heads there are and their outcome sums. Every path
// that changes a head changes these rows in the same transaction, so a dashboard folds
// a few thousand day rows instead of reading 100 000 entries (src/domain/tallies/days.ts).
// Reading them for the follow-up screens is tally-queries.ts.
import type { Table } from 'dexie';
import { tallyKeyOf } from '../domain/progress.ts';
import { addSums, outcomesOf } from '../domain/tallies/outcomes.ts';
import type { DayTally, DayTallyKey, EntryHead } from './schema.ts';

/** Changes to day rows not yet written, keyed like the table. */
export type DayDeltas = Map<string, DayTally>;

export function newDayDeltas(): DayDeltas {
  return new Map();
}

const keyOf = (r: DayTally): DayTallyKey => [r.kommunId, r.day, r.activityId, r.kind];

/** What a head adds to its day row: one entry and its outcomes, or nothing when voided. */
export function contributionOf(head: EntryHead): DayTally | null {
  if (tallyKeyOf(head) === undefined) return null;
  const c = head.content;
  return { kommunId: c.kommunId, day: head.localDay, activityId: c.activityId, kind: c.kind, count: 1, sums: outcomesOf(c) };
}

function addContribution(deltas: DayDeltas, head: EntryHead | undefined, sign: 1 | -1): void {
  const c = head && contributionOf(head);
  if (!c) return;
  const key = `${c.kommunId}\u0000${c.day}\u0000${c.activityId}\u0000${c.kind}`;
  const d = deltas.get(key);
  if (!d) deltas.set(key, { ...c, count: sign, sums: addSums({}, c.sums, sign) });
  else {
    d.count += sign;
    addSums(d.sums, c.sums, sign);
  }
}

/**
 * Record that an entry's head went from `before` (undefined for a new entry) to `after`:
 * the old head's contribution leaves its row, the new one's joins its own (a correction
 * may move an entry to another day, kommun, activity or kind).
 */
export function trackHeadChange(deltas: DayDeltas, before: EntryHead | undefined, after: EntryHead): DayDeltas {
  addContribution(deltas, before, -1);
  addContribution(deltas, after, 1);
  return deltas;
}

/**
 * Write the deltas: one bulkGet and one bulkPut (and a bulkDelete for rows reaching 0).
 * Call inside the transaction that writes the heads.
 */
export async function applyDayDeltas(table: Table<DayTally, DayTallyKey>, deltas: DayDeltas): Promise<void> {
  const changes = [...deltas.values()].filter((d) => d.count !== 0 || Object.values(d.sums).some((v) => v !== 0));
  if (changes.length === 0) return;
  const keys = changes.map(keyOf);
  const existing = await table.bulkGet(keys);
  const puts: DayTally[] = [];
  const deletes: DayTallyKey[] = [];
  changes.forEach((d, i) => {
    const row = existing[i];
    const count = (row?.count ?? 0) + d.count;
    // Below zero would mean the rows had drifted from the heads; dropping the row is the
    // nearest we can get to the truth without reading every head.
    if (count <= 0) {
      if (row) deletes.push(keys[i]!);
      return;
    }
    puts.push({ kommunId: d.kommunId, day: d.day, activityId: d.activityId, kind: d.kind, count, sums: addSums({ ...row?.sums }, d.sums) });
  });
  if (deletes.length > 0) await table.bulkDelete(deletes);
  if (puts.length > 0) await table.bulkPut(puts);
}
