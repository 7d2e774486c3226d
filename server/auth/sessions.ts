// Server-side sessions: idle expiry (no request for 12 h) and absolute expiry (7 days
// after login), logout revokes, and a deactivated user's sessions stop at once because
// every check joins the users row.
import type { User } from '../../src/domain/sync.ts';
import type { Queryable } from '../db/db.ts';
import { hashToken, newToken } from './tokens.ts';
import { toUser, type UserRow } from './users.ts';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 24 * 3_600_000 };

/** last_seen_at is refreshed at most this often, so a busy device does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface Session {
  tokenHash: string;
  deviceId: string;
  expiresAt: Date;
  user: User;
  /** An admin reset the password: only changing it (or logging out) is allowed. */
  mustChangePassword: boolean;
  /** An admin revoked the session's device: only pushing what is queued (or logging out) is allowed. */
  deviceRevoked: boolean;
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; reason: 'unknown' | 'revoked' | 'inactive' | 'expired' };

export async function createSession(q: Queryable, userId: string, deviceId: string, nowMs: number, policy: SessionPolicy): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = new Date(nowMs);
  const expiresAt = new Date(nowMs + policy.absoluteMs);
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, device_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`,
    [hashToken(token), userId, deviceId, now, expiresAt],
  );
  return { token, expiresAt };
}

type SessionRow = Pick<UserRow, 'id' | 'username' | 'display_name' | 'roles' | 'police_area_id' | 'active' | 'must_change_password' | 'kommun_ids'> & {
  token_hash: string;
  device_revoked: boolean;
  device_id: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
};

export async function checkSession(q: Queryable, token: string, nowMs: number, policy: SessionPolicy): Promise<SessionCheck> {
  const tokenHash = hashToken(token);
  const [row] = await q.query<SessionRow>(
    `SELECT s.token_hash, s.device_id, s.last_seen_at, s.expires_at, s.revoked_at,
            u.id, u.username, u.display_name, u.roles, u.police_area_id, u.active, u.must_change_password,
            ARRAY(SELECT k.id FROM kommuner k WHERE k.police_area_id = u.police_area_id ORDER BY k.id) AS kommun_ids,
            EXISTS (SELECT 1 FROM devices d WHERE d.device_id = s.device_id AND d.revoked_at IS NOT NULL) AS device_revoked
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash],
    { name: 'session_check' },
  );
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (!row.active) return { ok: false, reason: 'inactive' };
  const lastSeen = row.last_seen_at.getTime();
  if (nowMs >= row.expires_at.getTime() || nowMs - lastSeen >= policy.idleMs) return { ok: false, reason: 'expired' };
  if (nowMs - lastSeen >= TOUCH_EVERY_MS) {
    await q.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, new Date(nowMs)]);
  }
  return {
    ok: true,
    session: { tokenHash, deviceId: row.device_id, expiresAt: row.expires_at, user: toUser(row), mustChangePassword: row.must_change_password, deviceRevoked: row.device_revoked },
  };
}

/** Ends every live session of a user at once (deactivation, password reset), except `keep`. */
export async function revokeUserSessions(q: Queryable, userId: string, nowMs: number, keepTokenHash: string | null = null): Promise<number> {
  const rows = await q.query(
    'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $3 RETURNING token_hash',
    [userId, new Date(nowMs), keepTokenHash],
  );
  return rows.length;
}

export async function revokeSession(q: Queryable, tokenHash: string, nowMs: number): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, new Date(nowMs)]);
}
