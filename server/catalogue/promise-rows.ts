// Promises as stored for editing (001: promises, promise_history; 003: changed_by), drafts
// included. Plain verb+noun functions over a Queryable; the rules are in editing.ts.
import { localDate, type LocalDate } from '../../src/domain/calendar.ts';
import type { CitizenPromise } from '../../src/domain/catalogue/index.ts';
import type { Queryable } from '../db/db.ts';

export interface StoredPromise {
  promise: CitizenPromise;
  changedBy: string | null;
  changedAt: Date;
}

interface PromiseRow {
  doc: CitizenPromise;
  changed_by: string | null;
  updated_at: Date;
}
const toStored = (r: PromiseRow): StoredPromise => ({ promise: r.doc, changedBy: r.changed_by, changedAt: r.updated_at });

/** Arbitrary constant: advisory-lock namespace for "one kommun's promises" (with hashtext(kommun)). */
const KOMMUN_LOCK = 7320;

/**
 * Serialises the writes that must see every other write of the kommun: publishing and
 * correcting (no two overlapping published periods) and picking a new id. Held to COMMIT.
 */
export async function lockKommunPromises(q: Queryable, kommunId: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [KOMMUN_LOCK, kommunId]);
}

export async function findStoredPromise(q: Queryable, id: string, forUpdate = false): Promise<StoredPromise | null> {
  const [row] = await q.query<PromiseRow>(`SELECT doc, changed_by, updated_at FROM promises WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toStored(row) : null;
}

/** Drafts and published, of the kommuner given, by kommun and start date. */
export async function listPromises(q: Queryable, kommunIds: readonly string[]): Promise<CitizenPromise[]> {
  const rows = await q.query<{ doc: CitizenPromise }>(
    `SELECT doc FROM promises WHERE kommun_id = ANY($1::text[]) ORDER BY kommun_id, doc->>'validFrom', id`,
    [kommunIds],
  );
  return rows.map((r) => r.doc);
}

/** Ids that start with `prefix` (candidates newPromiseId must avoid). */
export async function promiseIdsStartingWith(q: Queryable, prefix: string): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>('SELECT id FROM promises WHERE left(id, length($1)) = $1', [prefix]);
  return new Set(rows.map((r) => r.id));
}

export async function insertPromise(q: Queryable, p: CitizenPromise, changedBy: string | null, atMs: number): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO promises (id, kommun_id, status, version, doc, changed_by, updated_at)
     VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [p.id, p.kommunId, p.status, p.version, JSON.stringify(p), changedBy, new Date(atMs)],
  );
  return rows.length === 1;
}

export async function updatePromise(q: Queryable, p: CitizenPromise, changedBy: string | null, atMs: number): Promise<void> {
  await q.query(
    'UPDATE promises SET kommun_id = $2, status = $3, version = $4, doc = $5::text::jsonb, changed_by = $6, updated_at = $7 WHERE id = $1',
    [p.id, p.kommunId, p.status, p.version, JSON.stringify(p), changedBy, new Date(atMs)],
  );
}

export async function deletePromiseRow(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM promises WHERE id = $1', [id]);
}

/** Keeps a published version that a correction replaces, as it was and by whom it was made. */
export async function insertHistory(q: Queryable, old: StoredPromise): Promise<void> {
  await q.query(
    'INSERT INTO promise_history (promise_id, version, doc, changed_by, changed_at) VALUES ($1, $2, $3::text::jsonb, $4, $5)',
    [old.promise.id, old.promise.version, JSON.stringify(old.promise), old.changedBy, old.changedAt],
  );
}

export async function listHistory(q: Queryable, id: string): Promise<StoredPromise[]> {
  const rows = await q.query<PromiseRow>(
    'SELECT doc, changed_by, changed_at AS updated_at FROM promise_history WHERE promise_id = $1 ORDER BY version',
    [id],
  );
  return rows.map(toStored);
}

export interface PromiseUsage {
  /** Activity id → the entry kinds it was logged as, plus 'completion' when a coordinator marked it done. */
  activityKinds: Map<string, Set<string>>;
  firstDay: LocalDate | null;
  lastDay: LocalDate | null;
}

/**
 * What entries (every revision ever stored, voided ones too: a revision keeps the activity
 * it was logged against) and completions (withdrawn too) reference in a promise.
 */
export async function promiseUsage(q: Queryable, promiseId: string): Promise<PromiseUsage> {
  const rows = await q.query<{ activity_id: string; kind: string; first: Date; last: Date }>(
    `SELECT activity_id, kind, min(started_at) AS first, max(started_at) AS last
       FROM entry_revisions WHERE promise_id = $1 GROUP BY activity_id, kind
     UNION ALL
     SELECT activity_id, kind, min(started_at), max(started_at)
       FROM entries WHERE promise_id = $1 GROUP BY activity_id, kind`,
    [promiseId],
  );
  // done_on as text: a driver would turn a date into a Date at local midnight.
  const done = await q.query<{ activity_id: string; first: string; last: string }>(
    `SELECT activity_id, to_char(min(done_on), 'YYYY-MM-DD') AS first, to_char(max(done_on), 'YYYY-MM-DD') AS last
       FROM activity_completions WHERE promise_id = $1 GROUP BY activity_id`,
    [promiseId],
  );
  const activityKinds = new Map<string, Set<string>>();
  const days: LocalDate[] = [];
  const use = (activityId: string, kind: string) => {
    let kinds = activityKinds.get(activityId);
    if (!kinds) activityKinds.set(activityId, (kinds = new Set()));
    kinds.add(kind);
  };
  for (const r of rows) {
    use(r.activity_id, r.kind);
    days.push(localDate(r.first.getTime()), localDate(r.last.getTime()));
  }
  for (const r of done) {
    use(r.activity_id, 'completion');
    days.push(r.first, r.last);
  }
  days.sort();
  return { activityKinds, firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null };
}
