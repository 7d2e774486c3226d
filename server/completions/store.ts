// Coordinators' completions as stored (002_tallies_completions.sql): inserted once,
// withdrawn at most once, never deleted. Plain verb+noun functions over a Queryable, so
// the routes and the demo seeding write them the same way, audit row included.
import type { LocalDate } from '../../src/domain/calendar.ts';
import type { ActivityCompletion, CompletionInput } from '../../src/domain/tallies/completions.ts';
import type { User } from '../../src/domain/sync.ts';
import { writeAudit } from '../audit.ts';
import type { Queryable } from '../db/db.ts';

interface CompletionRow {
  id: string;
  kommun_id: string;
  promise_id: string;
  activity_id: string;
  done_on: string;
  note: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
}

// done_on as text: both drivers would turn a date into a JS Date at local midnight.
const COLUMNS = `id, kommun_id, promise_id, activity_id, to_char(done_on, 'YYYY-MM-DD') AS done_on, note,
  recorded_by, recorded_by_name, recorded_at, withdrawn_at, withdrawn_reason`;

function toCompletion(r: CompletionRow): ActivityCompletion {
  return {
    id: r.id,
    kommunId: r.kommun_id,
    promiseId: r.promise_id,
    activityId: r.activity_id,
    doneOn: r.done_on,
    note: r.note,
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at.toISOString(),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    withdrawnReason: r.withdrawn_reason,
  };
}

/** Where a request comes from, for the audit row. */
export interface WriteOrigin {
  user: Pick<User, 'id' | 'username' | 'displayName'>;
  deviceId: string | null;
  ip: string | null;
  nowMs: number;
}

export async function findCompletion(q: Queryable, id: string, forUpdate = false): Promise<ActivityCompletion | null> {
  const [row] = await q.query<CompletionRow>(`SELECT ${COLUMNS} FROM activity_completions WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toCompletion(row) : null;
}

/** Every completion of the kommuner, withdrawn ones too, in date order. */
export async function listCompletions(q: Queryable, kommunIds: readonly string[]): Promise<ActivityCompletion[]> {
  const rows = await q.query<CompletionRow>(
    `SELECT ${COLUMNS} FROM activity_completions WHERE kommun_id = ANY($1::text[]) ORDER BY done_on, recorded_at, id`,
    [kommunIds],
  );
  return rows.map(toCompletion);
}

/** The kommun's counted (not withdrawn) completions dated in [from, to]: what tallies read. */
export async function countedCompletions(q: Queryable, kommunId: string, from: LocalDate, to: LocalDate): Promise<ActivityCompletion[]> {
  const rows = await q.query<CompletionRow>(
    `SELECT ${COLUMNS} FROM activity_completions
     WHERE kommun_id = $1 AND withdrawn_at IS NULL AND done_on >= $2::date AND done_on <= $3::date`,
    [kommunId, from, to],
  );
  return rows.map(toCompletion);
}

export interface NewCompletion {
  input: CompletionInput;
  kommunId: string;
  policeAreaId: string;
  promiseId: string;
}

/**
 * Inserts the completion and its audit row, or returns null when the id exists (a
 * replay, or a concurrent request with the same id that committed first).
 * Run inside a transaction so that the audit row and the record land together.
 */
export async function insertCompletion(tx: Queryable, c: NewCompletion, origin: WriteOrigin): Promise<ActivityCompletion | null> {
  const [row] = await tx.query<CompletionRow>(
    `INSERT INTO activity_completions (id, kommun_id, police_area_id, promise_id, activity_id, done_on, note, recorded_by, recorded_by_name, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10)
     ON CONFLICT (id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [c.input.id, c.kommunId, c.policeAreaId, c.promiseId, c.input.activityId, c.input.doneOn, c.input.note, origin.user.id, origin.user.displayName, new Date(origin.nowMs)],
  );
  if (!row) return null;
  await writeAudit(tx, origin.nowMs, {
    actorId: origin.user.id,
    actorUsername: origin.user.username,
    action: 'completion.create',
    target: row.id,
    deviceId: origin.deviceId,
    ip: origin.ip,
    details: { kommunId: c.kommunId, promiseId: c.promiseId, activityId: c.input.activityId, doneOn: c.input.doneOn },
  });
  return toCompletion(row);
}

/** Marks a (locked, not yet withdrawn) completion withdrawn, with its audit row. */
export async function withdrawCompletion(tx: Queryable, id: string, reason: string, origin: WriteOrigin): Promise<ActivityCompletion> {
  const [row] = await tx.query<CompletionRow>(
    `UPDATE activity_completions SET withdrawn_at = $2, withdrawn_by = $3, withdrawn_reason = $4
     WHERE id = $1 AND withdrawn_at IS NULL RETURNING ${COLUMNS}`,
    [id, new Date(origin.nowMs), origin.user.id, reason],
  );
  if (!row) throw new Error(`completion ${id} was not withdrawable`);
  await writeAudit(tx, origin.nowMs, {
    actorId: origin.user.id,
    actorUsername: origin.user.username,
    action: 'completion.withdraw',
    target: id,
    deviceId: origin.deviceId,
    ip: origin.ip,
    details: { kommunId: row.kommun_id, activityId: row.activity_id, doneOn: row.done_on, reason },
  });
  return toCompletion(row);
}

/** Same content as stored: what makes a repeated POST a replay rather than a conflict. */
export function sameCompletion(stored: ActivityCompletion, input: CompletionInput): boolean {
  return stored.activityId === input.activityId && stored.doneOn === input.doneOn && stored.note === input.note;
}
