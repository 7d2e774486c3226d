// The lock while the app is open: after the lock screen has replaced the app (so its
// forms have saved their drafts with the key still there) the key is dropped; while the
// app is open, idle and hidden-page locks are watched (security/auto-lock.ts).
import { useEffect, useRef } from 'preact/hooks';
import { dropDataKey } from '../../crypto/keystore.ts';
import { watchForLock } from '../../security/auto-lock.ts';
import type { LockTimes } from '../../security/lock-times.ts';
import type { Gate } from './gate.ts';

/**
 * `lockNow` shows the lock screen and returns; the key goes once that render is done.
 * Only a lock asked for drops it: at a start it is not there anyway, and a PIN typed
 * before the first render's effects ran must not lose the key it just unwrapped.
 */
export function useLock(gate: Gate['kind'] | undefined, lockTimes: LockTimes | undefined, now: () => number, showLock: () => void): () => void {
  const requested = useRef(false);
  useEffect(() => {
    if (gate === 'locked' && requested.current) dropDataKey();
    requested.current = false;
  }, [gate]);
  const lockNow = () => {
    requested.current = true;
    showLock();
  };
  const times = useRef(lockTimes);
  times.current = lockTimes;
  const lock = useRef(lockNow);
  lock.current = lockNow;
  useEffect(() => {
    if (gate !== 'open') return;
    return watchForLock({ win: window, doc: document, now, times: () => times.current!, onLock: () => lock.current() });
  }, [gate]);
  return lockNow;
}
