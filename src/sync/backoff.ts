// When to try again after a failed sync: exponential, capped, with full jitter so that
// a whole shift's phones coming back into coverage do not hit the server in step.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const SYNC_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 5 * 60_000 };

/** Delay before retry number `failures` (1 = first retry). `random` returns [0, 1). */
export function backoffDelay(failures: number, policy: BackoffPolicy = SYNC_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  // Half fixed, half random: never hammer at once, never wait longer than the ceiling.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
