// What a successful password login leads to on a device that may already hold encrypted
// data. The device's data key belongs to one officer; a device holds one officer's data.
import { isUnlocked } from '../crypto/keystore.ts';
import { recoveryKey, unwrapDataKey } from '../crypto/wrap.ts';
import type { FieldLogDb } from '../db/index.ts';
import type { Api } from '../sync/api.ts';
import { loadUser, type StoredSession } from '../sync/session.ts';
import { wipeNow, type WipeHow } from '../sync/revoke.ts';
import { fetchRecoveryKey } from './escrow.ts';
import { loadKeyring } from './keyring.ts';
import { waitingCount } from './unlock.ts';

export type LoginPlan =
  /** Same officer, app unlocked (an expired session): store the new token, nothing else. */
  | { kind: 'relogin' }
  /** No usable data key: choose a first PIN (any earlier data is gone or was never there). */
  | { kind: 'firstPin' }
  /** Same officer, locked (hard lock or forgotten PIN): R from the server, then a new PIN. */
  | { kind: 'recover'; recovery: Uint8Array }
  /** Work waits that this login cannot open: nothing is touched. */
  | { kind: 'blocked'; reason: 'otherOfficer' | 'noRecoveryKey'; waiting: number; owner: string | null };

/** Starting over: the database and every key but the device id; the login screen follows. */
export const FRESH_START: WipeHow = { keep: ['deviceId'], marker: null, reopen: true };

async function startOverIfNothingWaits(db: FieldLogDb, nowMs: number, reason: 'otherOfficer' | 'noRecoveryKey'): Promise<LoginPlan> {
  const waiting = await waitingCount(db);
  if (waiting > 0) return { kind: 'blocked', reason, waiting, owner: (await loadUser())?.displayName ?? null };
  // Nothing queued: all of it is on the server, and the new key could not open it anyway.
  await wipeNow(db, nowMs, FRESH_START);
  return { kind: 'firstPin' };
}

export async function planLogin(db: FieldLogDb, api: Api, session: StoredSession & { token: string }, nowMs: number): Promise<LoginPlan> {
  const k = await loadKeyring();
  if (!k) return { kind: 'firstPin' };
  if (k.officerId !== session.user.id) return startOverIfNothingWaits(db, nowMs, 'otherOfficer');
  if (isUnlocked()) return { kind: 'relogin' };
  const recovery = await fetchRecoveryKey(api, session.token);
  // An R that does not open this keyring (a newer one never reached the server) is as good as none.
  const fits = recovery && (await unwrapDataKey(k.byRecovery, await recoveryKey(recovery), false).then(() => true, () => false));
  if (recovery && fits) return { kind: 'recover', recovery };
  return startOverIfNothingWaits(db, nowMs, 'noRecoveryKey');
}
