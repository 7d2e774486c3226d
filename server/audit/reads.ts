// Reads of another officer's entry that happened on a device (a shift lead opening a
// colleague's entry, a drill-down, a report), reported by the app afterwards: one audit
// row 'entry.read_other' per event, idempotent on the id the device made, so a retried
// batch adds nothing. Each event is judged alone (src/domain/audit.ts); one bad event is
// rejected without holding back the others, as in a push.
import { validateReadEvent, type ReadEvent, type ReadEventResult } from '../../src/domain/audit.ts';
import type { User } from '../../src/domain/sync.ts';
import type { Queryable } from '../db/db.ts';

export interface ReadReporter {
  user: Pick<User, 'id' | 'username'>;
  deviceId: string;
  ip: string;
  nowMs: number;
}

/** Records the valid events in one statement; answers each event in request order. */
export async function recordReads(q: Queryable, who: ReadReporter, events: readonly unknown[]): Promise<ReadEventResult[]> {
  const results: ReadEventResult[] = [];
  const fresh = new Map<string, ReadEvent>();
  const slots: Array<{ index: number; id: string }> = [];
  for (const raw of events) {
    const checked = validateReadEvent(raw);
    if (!checked.ok) {
      results.push({ id: checked.id, status: 'rejected', errors: checked.issues });
      continue;
    }
    const e = checked.value;
    // The same id twice in one batch is one read.
    if (!fresh.has(e.id)) fresh.set(e.id, e);
    slots.push({ index: results.length, id: e.id });
    results.push({ id: e.id, status: 'duplicate' });
  }
  if (!fresh.size) return results;

  const rows = [...fresh.values()].map((e) => ({
    event_id: e.id,
    target: e.entryId,
    details: { entryId: e.entryId, ownerId: e.ownerId, view: e.view, justification: e.justification, readAt: e.at },
  }));
  const inserted = await q.query<{ event_id: string }>(
    `INSERT INTO audit_log (at, actor_id, actor_username, action, target, device_id, ip, details, event_id)
     SELECT $2, $3, $4, 'entry.read_other', x.target, $5, $6, x.details, x.event_id
     FROM jsonb_to_recordset($1::text::jsonb) AS x(event_id uuid, target text, details jsonb)
     ON CONFLICT (event_id) DO NOTHING
     RETURNING event_id`,
    [JSON.stringify(rows), new Date(who.nowMs), who.user.id, who.user.username, who.deviceId, who.ip],
  );
  const recorded = new Set(inserted.map((r) => r.event_id));
  const seen = new Set<string>();
  for (const { index, id } of slots) {
    if (recorded.has(id) && !seen.has(id)) results[index] = { id, status: 'recorded' };
    seen.add(id);
  }
  return results;
}
