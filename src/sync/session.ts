// The signed-in user on this device. The user is kept after the token expires, so
// the officer can go on logging offline; only the token is dropped.
import { get, set, del } from 'idb-keyval';
import type { User } from '../domain/sync.ts';

export interface StoredSession {
  user: User;
  token: string | null;
  /** On the device's clock (see Root's login): the server's word on 401 always wins. */
  expiresAt: string | null;
}

const KEY = 'session';

export async function loadSession(): Promise<StoredSession | null> {
  return (await get<StoredSession>(KEY)) ?? null;
}

export async function saveSession(session: StoredSession): Promise<void> {
  await set(KEY, session);
}

/** Forget the token but keep who the officer is (their queued entries still wait for them). */
export async function dropToken(): Promise<void> {
  const s = await loadSession();
  if (s) await set(KEY, { ...s, token: null, expiresAt: null });
}

export async function forgetSession(): Promise<void> {
  await del(KEY);
}

export function hasValidToken(s: StoredSession | null, nowMs: number): s is StoredSession & { token: string } {
  return !!s?.token && (!s.expiresAt || Date.parse(s.expiresAt) > nowMs);
}
