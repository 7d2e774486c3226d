// The append-only audit log (who, what, when, from where). The table refuses UPDATE,
// DELETE and TRUNCATE by trigger; this module only ever inserts.
import type { Queryable } from './db/db.ts';

export interface AuditEvent {
  actorId: string | null;
  actorUsername: string | null;
  /** Dotted verb, e.g. "session.login", "sync.push", "sync.pull_others". */
  action: string;
  target?: string | null;
  deviceId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(q: Queryable, atMs: number, e: AuditEvent): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (at, actor_id, actor_username, action, target, device_id, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)`,
    [new Date(atMs), e.actorId, e.actorUsername, e.action, e.target ?? null, e.deviceId ?? null, e.ip ?? null, JSON.stringify(e.details ?? {})],
  );
}
