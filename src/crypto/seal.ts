// Sealing: AES-GCM-256 with a fresh 96-bit IV per value and additional data that names the
// record, so a ciphertext copied onto another record (or another entry's revision) fails
// to open instead of showing the other record's content. WebCrypto only: no dependency.
export interface Sealed {
  v: 1;
  iv: Uint8Array;
  ct: ArrayBuffer;
}

/** A value that did not open: wrong key, a changed byte, or a ciphertext moved between records. */
export class SealError extends Error {
  constructor(readonly what: string) {
    super(`${what} kunde inte dekrypteras: fel nyckel eller ändrad data. Inget visas hellre än fel innehåll.`);
    this.name = 'SealError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Checked by internal slot, not instanceof: a structured clone may come from another realm.
const isBuffer = (x: unknown) => Object.prototype.toString.call(x) === '[object ArrayBuffer]';

export function isSealed(x: unknown): x is Sealed {
  const s = x as Partial<Sealed> | null;
  return !!s && s.v === 1 && ArrayBuffer.isView(s.iv) && s.iv.byteLength === 12 && isBuffer(s.ct);
}

/** Encrypt `value` (as JSON) for the record named by `aad`. */
export async function seal(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, key, encoder.encode(JSON.stringify(value)));
  return { v: 1, iv, ct };
}

/** Decrypt what `seal` made for the same `aad`; throws SealError, never returns garbage. */
export async function open<T>(key: CryptoKey, sealed: unknown, aad: string, what: string): Promise<T> {
  if (!isSealed(sealed)) throw new SealError(what);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(aad) }, key, sealed.ct);
  } catch {
    // AES-GCM's tag check failed: WebCrypto says only "OperationError".
    throw new SealError(what);
  }
  return JSON.parse(decoder.decode(plain)) as T;
}

/** Two stored values are the same seal (the IV is random per seal, so equal IVs mean one seal). */
export function sameSeal(a: Sealed | undefined, b: Sealed | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.iv.length !== b.iv.length) return false;
  return a.iv.every((byte, i) => byte === b.iv[i]);
}
