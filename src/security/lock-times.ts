// When the app locks by itself: after a time without a touch or key press, and after the
// page has been hidden (screen off, another app) for a while. It also locks at every start.
import { get, set } from 'idb-keyval';

export interface LockTimes {
  idleMinutes: number;
  /** 0: as soon as the page is hidden. */
  hiddenMinutes: number;
}

export const IDLE_CHOICES = [1, 2, 5, 10, 15] as const;
export const HIDDEN_CHOICES = [0, 1, 2, 5] as const;
export const DEFAULT_LOCK_TIMES: LockTimes = { idleMinutes: 5, hiddenMinutes: 1 };

const KEY = 'lockTimes';

export async function loadLockTimes(): Promise<LockTimes> {
  const stored = await get<Partial<LockTimes>>(KEY);
  const pick = <T extends readonly number[]>(choices: T, v: unknown, fallback: number) => ((choices as readonly number[]).includes(v as number) ? (v as number) : fallback);
  return {
    idleMinutes: pick(IDLE_CHOICES, stored?.idleMinutes, DEFAULT_LOCK_TIMES.idleMinutes),
    hiddenMinutes: pick(HIDDEN_CHOICES, stored?.hiddenMinutes, DEFAULT_LOCK_TIMES.hiddenMinutes),
  };
}

export async function saveLockTimes(times: LockTimes): Promise<void> {
  await set(KEY, times);
}
