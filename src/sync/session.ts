// The signed-in user on this device. The user is kept after the token expires, so
// the officer can go on logging offline; only the token is dropped. The token is sealed
// with the data key: a copy of the device's storage holds no usable session, and a
// locked app cannot sync (it syncs right after the PIN is given).
import { get, set, del } from 'idb-keyval';
import type { User } from '../domain/sync.ts';
import { isSealed, open, seal, type Sealed } from '../crypto/seal.ts';
import { isUnlocked, requireDataKey } from '../crypto/keystore.ts';

export interface StoredSession {
  user: User;
  token: string | null;
  /** On the device's clock (see Root's login): the server's word on 401 always wins. */
  expiresAt: string | null;
}

/** As kept in idb-keyval. `token` is a plaintext one written before schema v4 (sealLegacyToken). */
interface SessionRecord {
  user: User;
  token?: string | null;
  sealedToken?: Sealed | null;
  expiresAt: string | null;
}

const KEY = 'session';
const aad = (userId: string) => `session-token:${userId}`;

/** The session; its token is null while the app is locked (or when there is none). */
export async function loadSession(): Promise<StoredSession | null> {
  const r = await get<SessionRecord>(KEY);
  if (!r) return null;
  let token = typeof r.token === 'string' ? r.token : null;
  if (isSealed(r.sealedToken) && isUnlocked()) token = await open<string>(requireDataKey(), r.sealedToken, aad(r.user.id), 'Inloggningen');
  return { user: r.user, token, expiresAt: r.expiresAt };
}

/** Who is signed in, readable while locked (the lock screen greets them). */
export async function loadUser(): Promise<User | null> {
  return (await get<SessionRecord>(KEY))?.user ?? null;
}

/** Save the session; a token needs the app to be unlocked (it is sealed). */
export async function saveSession(session: StoredSession): Promise<void> {
  const sealedToken = session.token === null ? null : await seal(requireDataKey(), session.token, aad(session.user.id));
  const record: SessionRecord = { user: session.user, sealedToken, expiresAt: session.expiresAt };
  await set(KEY, record);
}

/** Forget the token but keep who the officer is (their queued entries still wait for them). */
export async function dropToken(): Promise<void> {
  const r = await get<SessionRecord>(KEY);
  if (r) await set(KEY, { user: r.user, sealedToken: null, expiresAt: null } satisfies SessionRecord);
}

/** Seal a token that a device upgraded from schema v3 kept in plaintext. */
export async function sealLegacyToken(): Promise<void> {
  const r = await get<SessionRecord>(KEY);
  if (r && typeof r.token === 'string') await saveSession({ user: r.user, token: r.token, expiresAt: r.expiresAt });
}

export async function forgetSession(): Promise<void> {
  await del(KEY);
}

export function hasValidToken(s: StoredSession | null, nowMs: number): s is StoredSession & { token: string } {
  return !!s?.token && (!s.expiresAt || Date.parse(s.expiresAt) > nowMs);
}
