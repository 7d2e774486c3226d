// What the security settings need from Root (which owns the key, the lock and the wipe).
// Absent (null) where the app is rendered without Root, as in the UI tests' harness.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LockTimes } from '../../../security/lock-times.ts';
import type { LogoutResult } from '../../../security/logout.ts';

export interface SecurityServices {
  lockTimes: LockTimes;
  setLockTimes: (times: LockTimes) => Promise<void>;
  lockNow: () => void;
  /** Throws WrongPinError when the current PIN is wrong. */
  changePin: (currentPin: string, newPin: string) => Promise<void>;
  /** See security/logout.ts; on 'done' the app shows the login. */
  logout: (confirmLoss: boolean) => Promise<LogoutResult>;
  online: () => boolean;
}

export const SecurityContext = createContext<SecurityServices | null>(null);

export function useSecurity(): SecurityServices | null {
  return useContext(SecurityContext);
}
