// Who sees what in the app. The server checks every request; this only decides which
// screens make sense on the device (docs/api.md, Roles).
import type { User } from '../../../domain/sync.ts';

/** Shift leads and coordinators pull the whole area, so their device can tally it. */
export function canFollowUp(user: User): boolean {
  return user.roles.includes('shift_lead') || user.roles.includes('coordinator');
}

/** Only coordinators mark kommun-owned and joint activities as done. */
export function canMarkDone(user: User): boolean {
  return user.roles.includes('coordinator');
}

/** Coordinators edit the catalogue (new periods, renewals, corrections). */
export function canEditCatalogue(user: User): boolean {
  return user.roles.includes('coordinator');
}

/** Admins run the users and devices of their police area. */
export function isAdmin(user: User): boolean {
  return user.roles.includes('admin');
}

/** A coordinator or admin alone cannot push entries (the server answers 403), so logging is not offered. */
export function logsEntries(user: User): boolean {
  return user.roles.includes('officer') || user.roles.includes('shift_lead') || (!canFollowUp(user) && !isAdmin(user));
}
