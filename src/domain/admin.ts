// The online-only administration contract: coordinators edit the catalogue, admins run
// the accounts and devices of their police area. Every call is role-checked on the server.
import type { CitizenPromise } from './catalogue/types.ts';
import type { PromiseDraftInput } from './catalogue/edit.ts';
import type { DeviceStatus, Role } from './sync.ts';

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
export const PASSWORD_MIN = 12;
