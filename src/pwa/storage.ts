// Storage the browser gives this app: ask that it be persistent (not evicted under
// pressure) and report how much is used, so an officer is warned before it fills up.

export interface StorageStatus {
  persisted: boolean | null;
  usedBytes: number | null;
  quotaBytes: number | null;
}

/** Ask once after login; browsers may grant silently (installed PWA) or refuse. */
export async function requestPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

export async function storageStatus(): Promise<StorageStatus> {
  const persisted = navigator.storage?.persisted ? await navigator.storage.persisted().catch(() => null) : null;
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate().catch(() => null) : null;
  return { persisted, usedBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** Nearly full: less than 10 % or 20 MB left, whichever is larger. */
export function nearlyFull(s: StorageStatus): boolean {
  if (s.usedBytes === null || s.quotaBytes === null) return false;
  const left = s.quotaBytes - s.usedBytes;
  return left < Math.max(s.quotaBytes * 0.1, 20 * 1024 * 1024);
}
