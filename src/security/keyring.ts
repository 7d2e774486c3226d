// The device's wrapped data key (idb-keyval "keyring"): one random AES-GCM key per device
// and officer, made when the PIN is set, stored only wrapped twice:
//   byPin       with PBKDF2-SHA-256(PIN, salt, iterations) → AES-KW, for offline unlock;
//   byRecovery  with a random 256-bit recovery key R, which is escrowed on the server and
//               never kept on the device in the clear, for an online password login.
// R waits here sealed with the data key until the server has confirmed it (escrow.ts).
import { get, set } from 'idb-keyval';
import { seal, type Sealed } from '../crypto/seal.ts';
import { newDataKey, pinKey, randomBytes, recoveryKey, toBase64Url, tuneIterations, unwrapDataKey, wrapDataKey } from '../crypto/wrap.ts';

export interface Keyring {
  v: 1;
  officerId: string;
  salt: Uint8Array;
  iterations: number;
  byPin: ArrayBuffer;
  byRecovery: ArrayBuffer;
  /** R (base64url) sealed with the data key, until the server has it; then null. */
  pendingRecovery: Sealed | null;
  /** The plaintext a schema-v3 device held has been sealed (db/legacy.ts). */
  legacySealed: boolean;
  createdAt: string;
}

const KEY = 'keyring';
export const RECOVERY_AAD = 'recovery-key';

export interface KdfOptions {
  /** Fixed PBKDF2 iterations (tests); tuned to this device otherwise. */
  iterations?: number;
  now?: () => number;
}

export async function loadKeyring(): Promise<Keyring | null> {
  return (await get<Keyring>(KEY)) ?? null;
}

export async function saveKeyring(k: Keyring): Promise<void> {
  await set(KEY, k);
}

async function wrapForPin(dataKey: CryptoKey, pin: string, opts: KdfOptions): Promise<Pick<Keyring, 'salt' | 'iterations' | 'byPin'>> {
  const salt = randomBytes(16);
  const iterations = opts.iterations ?? (await tuneIterations());
  return { salt, iterations, byPin: await wrapDataKey(dataKey, await pinKey(pin, salt, iterations)) };
}

/** The in-memory copy: unwrapped again from byPin, non-extractable. */
async function memoryKey(k: Keyring, pin: string): Promise<CryptoKey> {
  return unwrapDataKey(k.byPin, await pinKey(pin, k.salt, k.iterations), false);
}

/**
 * A new data key for `officerId`, wrapped by the PIN and by a new R. Returns the key to
 * keep in memory and R to escrow. Replaces any keyring the device had.
 */
export async function createKeyring(officerId: string, pin: string, opts: KdfOptions = {}): Promise<{ key: CryptoKey; recovery: Uint8Array }> {
  const dataKey = await newDataKey();
  const recovery = randomBytes(32);
  const k: Keyring = {
    v: 1,
    officerId,
    ...(await wrapForPin(dataKey, pin, opts)),
    byRecovery: await wrapDataKey(dataKey, await recoveryKey(recovery)),
    pendingRecovery: null,
    legacySealed: false,
    createdAt: new Date((opts.now ?? Date.now)()).toISOString(),
  };
  const key = await memoryKey(k, pin);
  k.pendingRecovery = await seal(key, toBase64Url(recovery), RECOVERY_AAD);
  await saveKeyring(k);
  return { key, recovery };
}

/** Unlock with the PIN: the non-extractable data key, or WrongPinError. */
export function unlockKeyring(k: Keyring, pin: string): Promise<CryptoKey> {
  return memoryKey(k, pin);
}

/** "Byt PIN": the current PIN unwraps (WrongPinError otherwise), the new one wraps, with a new salt. */
export async function changeKeyringPin(k: Keyring, currentPin: string, newPin: string, opts: KdfOptions = {}): Promise<CryptoKey> {
  const dataKey = await unwrapDataKey(k.byPin, await pinKey(currentPin, k.salt, k.iterations), true);
  const next: Keyring = { ...k, ...(await wrapForPin(dataKey, newPin, opts)) };
  await saveKeyring(next);
  return memoryKey(next, newPin);
}

/** After an online login: R from the server unwraps the data key, which the new PIN wraps. */
export async function recoverKeyring(k: Keyring, recovery: Uint8Array, newPin: string, opts: KdfOptions = {}): Promise<CryptoKey> {
  const dataKey = await unwrapDataKey(k.byRecovery, await recoveryKey(recovery), true);
  const next: Keyring = { ...k, ...(await wrapForPin(dataKey, newPin, opts)) };
  await saveKeyring(next);
  return memoryKey(next, newPin);
}
