// Unlocking with the PIN, offline, and the wrong-PIN rule: wrong PINs are counted on disk
// (a reload does not reset them); after MAX_PIN_ATTEMPTS in a row the device wipes its
// data if nothing waits in the outbox (everything is on the server), and otherwise locks
// hard: the PIN no longer unlocks, only an online password login does (recovery).
// Unsaved drafts do not stop a wipe: they are sealed like the rest, and losing a half
// form is a smaller harm than keeping data a finder can keep guessing at.
import { get, set } from 'idb-keyval';
import { setDataKey } from '../crypto/keystore.ts';
import { WrongPinError } from '../crypto/wrap.ts';
import type { FieldLogDb } from '../db/index.ts';
import type { WipeHow } from '../sync/revoke.ts';
import { loadKeyring, unlockKeyring } from './keyring.ts';

export const MAX_PIN_ATTEMPTS = 5;
const ATTEMPTS_KEY = 'pinAttempts';
export const PIN_WIPED_KEY = 'pinWipedAt';
/** What a PIN wipe keeps: the device id (the device is not revoked; the server knows it). */
export const PIN_WIPE: WipeHow = { keep: ['deviceId'], marker: PIN_WIPED_KEY, reopen: true };

export interface PinAttempts {
  failures: number;
  hardLockedAt: string | null;
}

export type UnlockResult =
  | { kind: 'unlocked' }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'hardLocked'; waiting: number }
  | { kind: 'wiped' };

export async function loadPinAttempts(): Promise<PinAttempts> {
  return (await get<PinAttempts>(ATTEMPTS_KEY)) ?? { failures: 0, hardLockedAt: null };
}

/** After a successful unlock, a new PIN, or a recovery: the count starts again. */
export async function resetPinAttempts(): Promise<void> {
  await set(ATTEMPTS_KEY, { failures: 0, hardLockedAt: null } satisfies PinAttempts);
}

export async function pinWipedAt(): Promise<string | null> {
  return (await get<string>(PIN_WIPED_KEY)) ?? null;
}

export async function waitingCount(db: FieldLogDb): Promise<number> {
  // Loaded here, not with the lock screen: only a hard-locked device asks.
  const { countQueued } = await import('../db/outbox.ts');
  return countQueued(db);
}

export async function unlockWithPin(db: FieldLogDb, pin: string, nowMs: number): Promise<UnlockResult> {
  const keyring = await loadKeyring();
  const before = await loadPinAttempts();
  if (!keyring) throw new Error('Ingen PIN-kod är vald på enheten.');
  if (before.hardLockedAt) return { kind: 'hardLocked', waiting: await waitingCount(db) };
  // Counted before the attempt: closing the app while the key is derived still costs one.
  const failures = before.failures + 1;
  await set(ATTEMPTS_KEY, { failures, hardLockedAt: null } satisfies PinAttempts);
  try {
    setDataKey(await unlockKeyring(keyring, pin));
    await resetPinAttempts();
    return { kind: 'unlocked' };
  } catch (e) {
    if (!(e instanceof WrongPinError)) throw e;
  }
  if (failures < MAX_PIN_ATTEMPTS) return { kind: 'wrong', remaining: MAX_PIN_ATTEMPTS - failures };
  // Loaded only here: the lock screen, at every start, does not need the database layer it brings.
  const { wipeIfDelivered } = await import('../sync/revoke.ts');
  const outcome = await wipeIfDelivered(db, nowMs, PIN_WIPE);
  if (outcome.wiped) return { kind: 'wiped' };
  await set(ATTEMPTS_KEY, { failures, hardLockedAt: new Date(nowMs).toISOString() } satisfies PinAttempts);
  return { kind: 'hardLocked', waiting: outcome.waiting + outcome.rejected };
}
