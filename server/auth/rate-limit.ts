// Login throttling kept in the database (login_attempts), so every server process
// behind a load balancer counts the same failures. Checked before the password is
// verified: while blocked, even the right password is refused, or guessing could go on.
import type { Queryable } from '../db/db.ts';

export interface LoginLimits {
  windowMs: number;
  /** Failures per username within the window (counted since that user's last success). */
  perUsername: number;
  /** Failures per client IP within the window. Higher, because a station's officers share one address. */
  perIp: number;
}
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60_000, perUsername: 5, perIp: 20 };

export type LoginGate = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Blocked while `limit` failures lie in the window; the block lifts when the
 * limit-th most recent failure leaves it.
 */
async function blockedUntil(q: Queryable, column: 'username' | 'ip', value: string, limit: number, sinceMs: number, afterSuccess: boolean, windowMs: number): Promise<number | null> {
  const successClause = afterSuccess
    ? `AND at > coalesce((SELECT max(at) FROM login_attempts WHERE ${column} = $1 AND ok), '-infinity'::timestamptz)`
    : '';
  const [row] = await q.query<{ at: Date }>(
    `SELECT at FROM login_attempts WHERE ${column} = $1 AND NOT ok AND at > $2 ${successClause}
     ORDER BY at DESC OFFSET $3 LIMIT 1`,
    [value, new Date(sinceMs), limit - 1],
  );
  return row ? row.at.getTime() + windowMs : null;
}

export async function checkLoginGate(q: Queryable, username: string, ip: string, nowMs: number, limits: LoginLimits): Promise<LoginGate> {
  const since = nowMs - limits.windowMs;
  const [byUser, byIp] = await Promise.all([
    blockedUntil(q, 'username', username, limits.perUsername, since, true, limits.windowMs),
    blockedUntil(q, 'ip', ip, limits.perIp, since, false, limits.windowMs),
  ]);
  const until = Math.max(byUser ?? 0, byIp ?? 0);
  return until > nowMs ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until - nowMs) / 1000)) } : { ok: true };
}

export async function recordLoginAttempt(q: Queryable, username: string, ip: string, nowMs: number, ok: boolean): Promise<void> {
  await q.query('INSERT INTO login_attempts (username, ip, at, ok) VALUES ($1, $2, $3, $4)', [username, ip, new Date(nowMs), ok]);
}

/** Attempts older than a day are of no use to the limiter; main.ts calls this hourly. */
export async function pruneLoginAttempts(q: Queryable, nowMs: number): Promise<void> {
  await q.query('DELETE FROM login_attempts WHERE at < $1', [new Date(nowMs - 24 * 3_600_000)]);
}
