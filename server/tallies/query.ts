// The server's half of the tally arithmetic: count a kommun's heads per activity, entry
// kind and bucket of a TallyPlan, with their outcome sums, as TallyRow[] for
// summarizeTallies (src/domain/tallies), which the app also calls on its own counts.
//
// Shape of the SQL, and why (bench/server-tallies.ts, 1 000 000 entries):
// - outcome figures come from the generated columns outcome_1..5 of 002, read from the
//   covering index entries_tally; parsing every entry's JSON instead took ~800 ms;
// - one index range scan per bucket (LATERAL over the bucket bounds) with a hash
//   aggregate on (activity, kind). GROUP BY width_bucket(started_at, bounds) counts the
//   same, but PostgreSQL has no statistics for that expression, expects one group per
//   row, and sorts every row (spilling to disk) instead: ~250 ms against ~100 ms.
import type { EntryKind } from '../../src/domain/catalogue/types.ts';
import { ENTRY_KINDS } from '../../src/domain/catalogue/types.ts';
import { bucketBounds, OUTCOMES, type Sums, type TallyPlan, type TallyRow } from '../../src/domain/tallies/index.ts';
import type { Queryable } from '../db/db.ts';

/** The generated outcome columns of entries (002): slot n of a kind is OUTCOMES[kind][n - 1]. */
export const OUTCOME_SLOTS = 5;

for (const kind of ENTRY_KINDS) {
  // Fails at start rather than silently dropping a figure: a new outcome needs a migration.
  if (OUTCOMES[kind].length > OUTCOME_SLOTS) throw new Error(`OUTCOMES.${kind} has more fields than entries has outcome columns`);
}

const SLOT_COLUMNS = Array.from({ length: OUTCOME_SLOTS }, (_, i) => `sum(outcome_${i + 1}) AS o${i + 1}`).join(', ');

const TALLY_SQL = `
  SELECT b.i AS bucket, t.activity_id, t.kind, t.n, t.o1, t.o2, t.o3, t.o4, t.o5
  FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS b(lo, hi, i)
  CROSS JOIN LATERAL (
    SELECT activity_id, kind, count(*) AS n, ${SLOT_COLUMNS}
    FROM entries
    WHERE kommun_id = $1 AND NOT voided AND promise_id = ANY($2::text[]) AND started_at >= b.lo AND started_at < b.hi
    GROUP BY activity_id, kind
  ) t`;

interface TallySqlRow {
  bucket: number | string;
  activity_id: string;
  kind: string;
  n: number | string;
  o1: number | string | null;
  o2: number | string | null;
  o3: number | string | null;
  o4: number | string | null;
  o5: number | string | null;
}

/** sum(integer) is bigint: a number from our int8 parser, a string from a driver without it. */
const num = (v: number | string | null): number => (v === null ? 0 : Number(v));

function isEntryKind(kind: string): kind is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(kind);
}

/** Counted heads (latest revision, not voided) of the plan's promises, one row per activity, kind and bucket. */
export async function tallyRows(q: Queryable, plan: TallyPlan): Promise<TallyRow[]> {
  if (plan.promiseIds.length === 0 || plan.buckets.length === 0) return [];
  const bounds = bucketBounds(plan);
  // Not a named (prepared) statement: after five runs PostgreSQL switches a prepared
  // statement to a generic plan, which does not know the kommun's size and took 2–8× longer.
  const rows = await q.query<TallySqlRow>(TALLY_SQL, [plan.kommunId, plan.promiseIds, bounds.slice(0, -1), bounds.slice(1)]);
  const out: TallyRow[] = [];
  for (const r of rows) {
    const bucket = plan.buckets[Number(r.bucket) - 1];
    // A kind no longer known to the app is not one the tallies can describe.
    if (!bucket || !isEntryKind(r.kind)) continue;
    const slots = [r.o1, r.o2, r.o3, r.o4, r.o5];
    const sums: Sums = {};
    OUTCOMES[r.kind].forEach(({ field }, i) => {
      sums[field] = num(slots[i] ?? null);
    });
    out.push({ activityId: r.activity_id, source: r.kind, bucket: bucket.key, count: num(r.n), sums });
  }
  return out;
}
