// The data key and the keys that wrap it. The data key is made extractable only so that
// it can be wrapped (by the PIN's key and by the recovery key); the copy kept in memory
// is unwrapped as non-extractable, so page script cannot export it.
// AES-KW (RFC 3394) has its own integrity check: a wrong PIN's key fails to unwrap
// (OperationError) rather than yielding a wrong key.

/** OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA256, 600 000; 310 000 was its 2021 figure and is our floor. */
export const PBKDF2_FLOOR = 310_000;
/** Above this an old phone would take seconds to unlock. */
export const PBKDF2_CEILING = 5_000_000;

const DATA_KEY_ALG = { name: 'AES-GCM', length: 256 } as const;
const DATA_KEY_USES: KeyUsage[] = ['encrypt', 'decrypt'];

export class WrongPinError extends Error {
  constructor() {
    super('Fel PIN-kod.');
    this.name = 'WrongPinError';
  }
}

const buf = (b: Uint8Array): Uint8Array<ArrayBuffer> => b as Uint8Array<ArrayBuffer>;

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** PBKDF2-SHA-256(PIN, salt, iterations) as an AES-KW key. */
export async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations }, base, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** The recovery key R (32 random bytes) as an AES-KW key. */
export function recoveryKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', buf(raw), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
}

/** A new data key, extractable for wrapping only: drop it after wrapping. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(DATA_KEY_ALG, true, DATA_KEY_USES);
}

export function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<ArrayBuffer> {
  return crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW');
}

/** Unwrap; a wrong wrapping key throws WrongPinError. `extractable` only to re-wrap (PIN change, recovery). */
export async function unwrapDataKey(wrapped: ArrayBuffer, kek: CryptoKey, extractable = false): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', DATA_KEY_ALG, extractable, DATA_KEY_USES);
  } catch {
    throw new WrongPinError();
  }
}

/**
 * Iterations that take about `targetMs` on this device, never under the floor: two
 * probes of 200 000 iterations after a warm-up, scaled from the slower one (a single
 * short probe came out twice too fast in Chromium: 2.2 million iterations took 680 ms,
 * not 300), rounded to 10 000.
 */
export async function tuneIterations(targetMs = 300, now: () => number = () => performance.now()): Promise<number> {
  const probe = 200_000;
  const salt = randomBytes(16);
  await pinKey('000000', salt, 10_000);
  let slowest = 0;
  for (let i = 0; i < 2; i++) {
    const start = now();
    await pinKey('000000', salt, probe);
    slowest = Math.max(slowest, now() - start);
  }
  const scaled = Math.round((probe * targetMs) / Math.max(slowest, 1) / 10_000) * 10_000;
  return Math.min(PBKDF2_CEILING, Math.max(PBKDF2_FLOOR, scaled));
}

/** base64url without padding: how R travels to and from the server. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
