// Taking the data key into use: a first PIN after the online login, a new PIN after
// recovery, and what has to follow every unlock. Each ends unlocked, with the session's
// token sealed and (once) the plaintext of a schema-v3 device sealed.
import { setDataKey } from '../crypto/keystore.ts';
import type { FieldLogDb } from '../db/index.ts';
import { saveSession, sealLegacyToken, type StoredSession } from '../sync/session.ts';
import { createKeyring, loadKeyring, recoverKeyring, saveKeyring, type KdfOptions } from './keyring.ts';
import { resetPinAttempts } from './unlock.ts';

/** A password login whose session is not stored yet: its token waits for the data key. */
export interface PendingLogin {
  session: StoredSession & { token: string };
  /** R from the server, when the login is a recovery (hard lock or forgotten PIN). */
  recovery: Uint8Array | null;
}

/** Seal what the device still holds in plaintext, once per keyring (db/legacy.ts). */
export async function afterUnlock(db: FieldLogDb): Promise<void> {
  const k = await loadKeyring();
  if (!k || k.legacySealed) return;
  // Only devices upgraded from plaintext ever need it: loaded then, not at every start.
  const { sealLegacyRecords } = await import('../db/legacy.ts');
  await sealLegacyRecords(db);
  await sealLegacyToken();
  const latest = await loadKeyring();
  if (latest) await saveKeyring({ ...latest, legacySealed: true });
}

/** The first PIN: a new data key for the officer, then the session (if a login is pending). */
export async function setFirstPin(db: FieldLogDb, officerId: string, pin: string, pending: PendingLogin | null, kdf: KdfOptions = {}): Promise<void> {
  const { key } = await createKeyring(officerId, pin, kdf);
  setDataKey(key);
  await resetPinAttempts();
  await afterUnlock(db);
  if (pending) await saveSession(pending.session);
}

/** A new PIN after an online login: R unwraps the device's data key; nothing is lost. */
export async function setPinAfterRecovery(db: FieldLogDb, pending: PendingLogin & { recovery: Uint8Array }, pin: string, kdf: KdfOptions = {}): Promise<void> {
  const k = await loadKeyring();
  if (!k) throw new Error('Ingen nyckel att återställa på enheten.');
  setDataKey(await recoverKeyring(k, pending.recovery, pin, kdf));
  await resetPinAttempts();
  await afterUnlock(db);
  await saveSession(pending.session);
}
