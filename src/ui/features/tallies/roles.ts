// Who sees what in the app. The server checks every request; this only decides which
// screens make sense on the device (docs/api.md, Roles).
import type { User } from '../../../domain/sync.ts';

/** Shift leads and coordinators pull the whole area, so their device can tally it. */
export function seesWholeArea(user: User): boolean {
  return user.roles.includes('shift_lead') || user.roles.includes('coordinator');
}

/**
 * Who has "Följ upp": those who see the whole area (tallied on the device), and those who
 * log (officers: their device holds only their own entries, so the area's figures come
 * from the server, GET /tallies, and are kept for offline use). An admin alone does not.
 */
export function canFollowUp(user: User): boolean {
  return seesWholeArea(user) || logsEntries(user);
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
  return user.roles.includes('officer') || user.roles.includes('shift_lead') || (!seesWholeArea(user) && !isAdmin(user));
}
