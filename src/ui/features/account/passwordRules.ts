// The device's checks of a new password, before the server's (PASSWORD_MIN is shared).
import { PASSWORD_MIN } from '../../../domain/limits.ts';
import { t } from '../../i18n/index.ts';

export interface PasswordInput {
  current: string;
  next: string;
  repeat: string;
}

export type PasswordErrors = Partial<Record<keyof PasswordInput | 'form', string>>;

export function checkPassword(p: PasswordInput): PasswordErrors {
  const e: PasswordErrors = {};
  if (p.current === '') e.current = t.account.currentRequired;
  if (p.next.length < PASSWORD_MIN) e.next = t.account.tooShort(PASSWORD_MIN);
  else if (p.next === p.current) e.next = t.account.sameAsCurrent;
  if (!e.next && p.repeat !== p.next) e.repeat = t.account.mismatch;
  return e;
}
