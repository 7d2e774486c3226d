// The online-only administration contract: coordinators edit the catalogue, admins run
// the accounts and devices of their police area. Every call is role-checked on the server.
import * as v from 'valibot';
import type { CitizenPromise } from './catalogue/types.ts';
import type { PromiseDraftInput } from './catalogue/edit.ts';
import { ROLES, type DeviceStatus, type Role } from './sync.ts';
import { validate, type Validated } from './validation.ts';
import { PASSWORD_MIN } from './limits.ts';

// ---- catalogue editing (coordinator; own police area) -------------------------------------
// GET    /api/v1/catalogue/promises?kommun=        → PromiseListResponse (drafts and published)
// POST   /api/v1/catalogue/promises                 PromiseDraftInput → 201 PromiseResponse (a draft)
// PUT    /api/v1/catalogue/promises/:id             SavePromiseRequest → 200 PromiseResponse
//          draft: changed in place; published: a correction, version + 1, the old version kept in history
// POST   /api/v1/catalogue/promises/:id/renew       RenewRequest → 201 PromiseResponse (a draft for the next period)
// POST   /api/v1/catalogue/promises/:id/publish     { version } → 200 PromiseResponse
// DELETE /api/v1/catalogue/promises/:id             → 204 (drafts only; published → 409)
// GET    /api/v1/catalogue/promises/:id/history     → PromiseHistoryResponse

export interface PromiseListResponse {
  promises: CitizenPromise[];
}
export interface PromiseResponse {
  promise: CitizenPromise;
}
export interface SavePromiseRequest {
  draft: PromiseDraftInput;
  /** The version the coordinator edited; another's save in between answers 409. */
  version: number;
}
export interface RenewRequest {
  /** Defaults to nextPeriod(previous). */
  validFrom?: string;
  validTo?: string;
  signedOn?: string | null;
}
export interface PromiseHistoryResponse {
  versions: Array<{ version: number; promise: CitizenPromise; changedBy: string | null; changedAt: string }>;
}

// ---- accounts and devices (admin; own police area) ----------------------------------------
// GET    /api/v1/admin/users                         → AdminUsersResponse
// POST   /api/v1/admin/users                         NewUserRequest → 201 NewUserResponse
// PATCH  /api/v1/admin/users/:id                     UpdateUserRequest → 200 { user: AdminUser }
//          active: false ends every session of the user at once
// POST   /api/v1/admin/users/:id/reset-password      → 200 { temporaryPassword } (must change at next login)
// POST   /api/v1/admin/devices/:deviceId/revoke      → 200 { device: AdminDevice }
// POST   /api/v1/session/password                    ChangePasswordRequest → 204 (any signed-in user)

export interface AdminDevice extends DeviceStatus {
  /** Set when an admin revoked the device: it may still push what it has queued, then wipes itself. */
  revokedAt: string | null;
}
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  policeAreaId: string;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  devices: AdminDevice[];
}
export interface AdminUsersResponse {
  users: AdminUser[];
}
export interface NewUserRequest {
  username: string;
  displayName: string;
  roles: Role[];
  policeAreaId: string;
}
export interface NewUserResponse {
  user: AdminUser;
  /** Shown once to the admin, to hand over; the user must change it at first login. */
  temporaryPassword: string;
}
export interface UpdateUserRequest {
  displayName?: string;
  roles?: Role[];
  policeAreaId?: string;
  active?: boolean;
}
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Minimum length of a password a user chooses. */
export { PASSWORD_MIN };

/** Account fields: the admin screens and the server check the same limits. */
export const USER_LIMITS = { usernameMin: 3, usernameMax: 40, displayNameMax: 80 } as const;

// Usernames are case-insensitive at login; they are stored, and so checked, in lowercase.
const username = v.pipe(
  v.string('Ange ett användarnamn.'),
  v.trim(),
  v.toLowerCase(),
  v.minLength(USER_LIMITS.usernameMin, `Användarnamnet ska vara ${USER_LIMITS.usernameMin}–${USER_LIMITS.usernameMax} tecken.`),
  v.maxLength(USER_LIMITS.usernameMax, `Användarnamnet ska vara ${USER_LIMITS.usernameMin}–${USER_LIMITS.usernameMax} tecken.`),
  v.regex(/^[a-z0-9._-]+$/, 'Användarnamnet får bara innehålla a–z, 0–9, punkt, understreck och bindestreck.'),
);
const displayName = v.pipe(v.string('Ange namn.'), v.trim(), v.minLength(1, 'Ange namn.'), v.maxLength(USER_LIMITS.displayNameMax, `Namnet får vara högst ${USER_LIMITS.displayNameMax} tecken.`));
const roles = v.pipe(
  v.array(v.picklist(ROLES, 'Okänd roll.'), 'Välj minst en roll.'),
  v.minLength(1, 'Välj minst en roll.'),
  v.check((rs) => new Set(rs).size === rs.length, 'En roll står två gånger.'),
);
const policeAreaId = v.pipe(v.string('Välj polisområde.'), v.minLength(1, 'Välj polisområde.'));

const newUserSchema = v.strictObject({ username, displayName, roles, policeAreaId });
const updateUserSchema = v.strictObject({
  displayName: v.optional(displayName),
  roles: v.optional(roles),
  policeAreaId: v.optional(policeAreaId),
  active: v.optional(v.boolean('Ange aktiv som ja eller nej.')),
});

export function validateNewUser(input: unknown): Validated<NewUserRequest> {
  return validate(newUserSchema as unknown as v.GenericSchema<unknown, NewUserRequest>, input);
}

export function validateUpdateUser(input: unknown): Validated<UpdateUserRequest> {
  return validate(updateUserSchema as unknown as v.GenericSchema<unknown, UpdateUserRequest>, input);
}
