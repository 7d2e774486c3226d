// Which screen stands in front of the app: read from the device at every boot and after
// every change of lock state. The app itself shows only when the data key is in memory.
import { isUnlocked } from '../../crypto/keystore.ts';
import type { FieldLogDb } from '../../db/index.ts';
import { loadKeyring } from '../../security/keyring.ts';
import type { PendingLogin } from '../../security/pin-setup.ts';
import { loadPinAttempts, MAX_PIN_ATTEMPTS, pinWipedAt, waitingCount } from '../../security/unlock.ts';
import type { User } from '../../domain/sync.ts';

export type Gate =
  | { kind: 'open' }
  | { kind: 'login' }
  /** A new PIN: the first one (after login, or on a device upgraded from plaintext), or after recovery. */
  | { kind: 'choosePin'; recovered: boolean }
  | { kind: 'locked'; remaining: number | null }
  | { kind: 'hardLocked'; waiting: number }
  | { kind: 'pinWiped' };

/** `db` is asked for only for a hard lock (its count of waiting work): the other screens show before the database layer has loaded. */
export async function readGate(db: () => Promise<FieldLogDb>, user: User | null, pending: PendingLogin | null): Promise<Gate> {
  if (await pinWipedAt()) return { kind: 'pinWiped' };
  if (pending) return { kind: 'choosePin', recovered: pending.recovery !== null };
  if (!user) return { kind: 'login' };
  if (!(await loadKeyring())) return { kind: 'choosePin', recovered: false };
  const attempts = await loadPinAttempts();
  if (attempts.hardLockedAt) return { kind: 'hardLocked', waiting: await waitingCount(await db()) };
  if (!isUnlocked()) return { kind: 'locked', remaining: attempts.failures > 0 ? MAX_PIN_ATTEMPTS - attempts.failures : null };
  return { kind: 'open' };
}
