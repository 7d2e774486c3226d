// English texts of the signed-in user's account: password change, and a revoked device; the
// same shape as the Swedish account texts (sv-account.ts and the core's revoked banner in sv.ts).
import type { Strings } from './sv.ts';

export const enAccount: Strings['account'] = {
  passwordTitle: 'Change password',
  passwordRequired: 'You must change your password before you continue. Anything waiting on this device is kept and sent once the password is changed.',
  passwordVoluntary: 'Choose a new password.',
  current: 'Current password',
  currentHint: 'The temporary password, if an administrator gave you one.',
  newPassword: 'New password',
  newHint: (min: number) => `At least ${min} characters. A sentence of a few words works well.`,
  repeat: 'Repeat new password',
  currentRequired: 'Enter your current password.',
  tooShort: (min: number) => `The password must be at least ${min} characters.`,
  sameAsCurrent: 'The new password must differ from the current one.',
  mismatch: 'The passwords do not match.',
  submit: 'Change password',
  changed: 'Password changed',
  wrongCurrent: 'The current password is not correct.',
  offline: 'Changing your password needs a connection. Anything waiting on this device is kept.',
  failed: (msg: string) => `The password could not be changed: ${msg}`,
  changeLink: 'Change password',
  // Revoked device
  revokedTitle: 'This device has been revoked',
  revokedWiped: 'An administrator has revoked this device. Everything that was waiting has been sent to the server, and the app’s data on the device has been deleted.',
  revokedWhat: 'Contact your administrator if you need to use this device again.',
  revokedStartOver: 'Log in again',
  revokedPending: 'An administrator has revoked this device. Anything waiting is sent first; after that the app’s data on the device is deleted.',
  revokedRejected: (n: number) => (n === 1 ? '1 entry has been rejected by the server and must be corrected or withdrawn before the device can be cleared.' : `${n} entries have been rejected by the server and must be corrected or withdrawn before the device can be cleared.`),
  revokedShowWaiting: 'Show what is waiting',
};
