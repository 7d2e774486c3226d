// The revisions a user may see after a cursor, in server_seq order, up to the horizon
// below which every server_seq is committed (sync_horizon(), see push.ts), so that
// "everything > cursor" never skips a revision that was still committing.
import type { EntryContent, EntryRevision, RevisionOp } from '../../src/domain/entry.ts';
import type { PullResponse, User } from '../../src/domain/sync.ts';
import { writeAudit } from '../audit.ts';
import type { Queryable } from '../db/db.ts';

/** Shift leads and coordinators follow their whole area; officers and admins see their own entries. */
export function seesWholeArea(user: User): boolean {
  return user.roles.includes('shift_lead') || user.roles.includes('coordinator');
}

interface RevisionRow {
  id: string;
  rev: number;
  op: RevisionOp;
  content: EntryContent;
  void_reason: string | null;
  officer_id: string;
  device_id: string;
  client_time: Date;
  server_time: Date;
  server_seq: number;
}

export async function pullRevisions(q: Queryable, user: User, cursor: number, limit: number, audit: { nowMs: number; ip: string; deviceId: string | null }): Promise<PullResponse> {
  const area = seesWholeArea(user);
  const [{ horizon } = { horizon: 0 }] = await q.query<{ horizon: number }>('SELECT sync_horizon() AS horizon');
  const rows = await q.query<RevisionRow>(
    `SELECT id, rev, op, content, void_reason, officer_id, device_id, client_time, server_time, server_seq
     FROM entry_revisions WHERE ${area ? 'police_area_id' : 'officer_id'} = $1 AND server_seq > $2 AND server_seq <= $3
     ORDER BY server_seq LIMIT $4`,
    [area ? user.policeAreaId : user.id, cursor, horizon, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const revisions: EntryRevision[] = page.map((r) => ({
    id: r.id,
    rev: r.rev,
    op: r.op,
    content: r.content,
    voidReason: r.void_reason,
    officerId: r.officer_id,
    deviceId: r.device_id,
    clientTime: r.client_time.toISOString(),
    serverTime: r.server_time.toISOString(),
    serverSeq: r.server_seq,
  }));
  const nextCursor = page.length ? page[page.length - 1]!.server_seq : cursor;

  // Reading colleagues' entries is itself recorded: who read how many, and which range.
  const others = page.filter((r) => r.officer_id !== user.id).length;
  if (others > 0) {
    await writeAudit(q, audit.nowMs, {
      actorId: user.id,
      actorUsername: user.username,
      action: 'sync.pull_others',
      deviceId: audit.deviceId,
      ip: audit.ip,
      details: { revisions: others, total: page.length, fromCursor: cursor, toCursor: nextCursor },
    });
  }
  return { revisions, nextCursor, hasMore };
}
