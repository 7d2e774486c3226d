// Locks the app after `idleMinutes` without input, and when it comes back after being
// hidden for `hiddenMinutes` or longer. Timers are throttled while a page is hidden, so
// the check runs again the moment it becomes visible; time comes from `now` (tests).
import type { LockTimes } from './lock-times.ts';

export interface AutoLockDeps {
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  now: () => number;
  times: () => LockTimes;
  onLock: () => void;
  /** How often the idle check runs (ms). */
  every?: number;
}

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** Start watching; returns a function that stops. */
export function watchForLock(d: AutoLockDeps): () => void {
  let lastActive = d.now();
  let hiddenAt: number | null = d.doc.visibilityState === 'hidden' ? d.now() : null;
  const minutes = (m: number) => m * 60_000;
  const active = () => {
    lastActive = d.now();
  };
  const lock = () => {
    d.onLock();
    lastActive = d.now();
  };
  const checkIdle = () => {
    if (d.now() - lastActive >= minutes(d.times().idleMinutes)) lock();
  };
  const onVisibility = () => {
    if (d.doc.visibilityState === 'hidden') {
      hiddenAt = d.now();
      if (d.times().hiddenMinutes === 0) lock();
      return;
    }
    const away = hiddenAt === null ? 0 : d.now() - hiddenAt;
    hiddenAt = null;
    if (away >= minutes(d.times().hiddenMinutes)) lock();
    else checkIdle();
  };
  for (const type of ACTIVITY) d.win.addEventListener(type, active, { capture: true, passive: true });
  d.doc.addEventListener('visibilitychange', onVisibility);
  const timer = setInterval(checkIdle, d.every ?? 10_000);
  return () => {
    clearInterval(timer);
    for (const type of ACTIVITY) d.win.removeEventListener(type, active, { capture: true });
    d.doc.removeEventListener('visibilitychange', onVisibility);
  };
}
