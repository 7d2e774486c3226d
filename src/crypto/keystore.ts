// The unwrapped data key, in memory only. Locking drops it; nothing on disk can open the
// device's records without the PIN (or the escrowed recovery key and a password login).
export class LockedError extends Error {
  constructor() {
    super('Appen är låst. Ange din PIN-kod.');
    this.name = 'LockedError';
  }
}

let dataKey: CryptoKey | null = null;

export function setDataKey(key: CryptoKey): void {
  dataKey = key;
}

export function dropDataKey(): void {
  dataKey = null;
}

export function isUnlocked(): boolean {
  return dataKey !== null;
}

/**
 * The key for sealing and opening. Taken once at the start of each seal/open, so a lock
 * in the middle of a save still finishes that save (and nothing after it starts).
 */
export function requireDataKey(): CryptoKey {
  if (!dataKey) throw new LockedError();
  return dataKey;
}
