// An admin's accounts and devices of their police area (src/domain/admin.ts): list,
// create with a temporary password, change roles/name/active, reset a password, revoke
// a device. Every change writes its audit row in the same transaction.
import { randomUUID } from 'node:crypto';
import type { AdminDevice, AdminUser, NewUserResponse } from '../../src/domain/admin.ts';
import type { Role } from '../../src/domain/sync.ts';
import { writeAudit } from '../audit.ts';
import { hashPassword, type ScryptCost } from '../auth/password.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { setPasswordHash } from '../auth/users.ts';
import type { Db, Queryable } from '../db/db.ts';
import { fail } from '../http/errors.ts';
import { DEVICE_COLUMNS, toDeviceStatus, type DeviceRow } from '../sync/devices.ts';
import { validateNewUser, validateUpdateUser } from '../../src/domain/admin.ts';
import { personalDataIssues } from '../../src/domain/validation.ts';
import { temporaryPassword } from './temp-password.ts';

/** Who acts; policeAreaId null is the command line of a deployment (any area). */
export interface AdminActor {
  userId: string | null;
  username: string | null;
  policeAreaId: string | null;
  deviceId: string | null;
  ip: string | null;
  nowMs: number;
}

export const ADMIN_MESSAGES = {
  userNotFound: 'Kontot finns inte.',
  deviceNotFound: 'Enheten finns inte.',
  otherArea: 'Du kan bara hantera konton och enheter i ditt eget polisområde.',
  unknownArea: 'Polisområdet finns inte.',
  usernameTaken: 'Användarnamnet är upptaget.',
  selfDeactivate: 'Du kan inte inaktivera ditt eget konto.',
  selfAdminRole: 'Du kan inte ta bort din egen administratörsroll.',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  police_area_id: string;
  active: boolean;
  must_change_password: boolean;
  created_at: Date;
}
const ACCOUNT_COLUMNS = 'id, username, display_name, roles, police_area_id, active, must_change_password, created_at';

type AdminDeviceRow = DeviceRow & { revoked_at: Date | null };
const toAdminDevice = (r: AdminDeviceRow): AdminDevice => ({ ...toDeviceStatus(r), revokedAt: r.revoked_at?.toISOString() ?? null });

function toAdminUser(r: AccountRow, devices: AdminDevice[]): AdminUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles,
    policeAreaId: r.police_area_id,
    active: r.active,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at.toISOString(),
    devices,
  };
}

async function devicesOf(q: Queryable, where: string, param: string): Promise<AdminDevice[]> {
  const rows = await q.query<AdminDeviceRow>(
    `SELECT ${DEVICE_COLUMNS}, d.revoked_at FROM devices d JOIN users u ON u.id = d.user_id WHERE ${where} ORDER BY d.last_seen_at DESC, d.device_id`,
    [param],
  );
  return rows.map(toAdminDevice);
}

/** The area's accounts by username, each with the devices it last used. Reading colleagues' accounts is audited (admin.list_users). */
export async function listAccounts(q: Queryable, actor: AdminActor, policeAreaId: string): Promise<AdminUser[]> {
  const users = await q.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE police_area_id = $1 ORDER BY username`, [policeAreaId]);
  const devices = await devicesOf(q, 'u.police_area_id = $1', policeAreaId);
  await audit(q, actor, 'admin.list_users', policeAreaId, { users: users.length, devices: devices.length });
  return users.map((u) => toAdminUser(u, devices.filter((d) => d.userId === u.id)));
}

async function account(q: Queryable, id: string): Promise<AdminUser> {
  const [row] = await q.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1`, [id]);
  if (!row) throw new Error(`user ${id} vanished`);
  return toAdminUser(row, await devicesOf(q, 'd.user_id = $1', id));
}

/** An area an actor may assign: their own (403 otherwise); from the command line, any that exists. */
async function checkArea(q: Queryable, actor: AdminActor, policeAreaId: string): Promise<void> {
  if (actor.policeAreaId !== null && policeAreaId !== actor.policeAreaId) throw fail.forbidden(ADMIN_MESSAGES.otherArea);
  const [row] = await q.query('SELECT 1 FROM police_areas WHERE id = $1', [policeAreaId]);
  if (!row) throw fail.invalid([{ field: 'policeAreaId', code: 'unknown_area', message: ADMIN_MESSAGES.unknownArea }]);
}

/** The account, locked, in the actor's area: unknown → 404, another area's → 403. */
async function targetAccount(q: Queryable, actor: AdminActor, id: string): Promise<AccountRow> {
  if (!UUID.test(id)) throw fail.notFound(ADMIN_MESSAGES.userNotFound);
  const [row] = await q.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id.toLowerCase()]);
  if (!row) throw fail.notFound(ADMIN_MESSAGES.userNotFound);
  if (actor.policeAreaId !== null && row.police_area_id !== actor.policeAreaId) throw fail.forbidden(ADMIN_MESSAGES.otherArea);
  return row;
}

function audit(q: Queryable, actor: AdminActor, action: string, target: string, details: Record<string, unknown>): Promise<void> {
  return writeAudit(q, actor.nowMs, { actorId: actor.userId, actorUsername: actor.username, action, target, deviceId: actor.deviceId, ip: actor.ip, details });
}

/** A display name is shown on every device of the area: the personal-data guard applies as to any free text. */
function refusePersonalData(displayName: string | undefined): void {
  const issues = personalDataIssues({ displayName });
  if (issues.length) throw fail.invalid(issues);
}

/** NewUserRequest → the account with a temporary password it must change at first login. */
export async function createAccount(db: Db, actor: AdminActor, input: unknown, cost?: ScryptCost): Promise<NewUserResponse> {
  const parsed = validateNewUser(input);
  if (!parsed.ok) throw fail.invalid(parsed.issues);
  const req = parsed.value;
  refusePersonalData(req.displayName);
  const password = temporaryPassword();
  const hash = await hashPassword(password, cost);
  const user = await db.transaction(async (tx) => {
    await checkArea(tx, actor, req.policeAreaId);
    const id = randomUUID();
    const inserted = await tx.query(
      `INSERT INTO users (id, username, display_name, password_hash, roles, police_area_id, must_change_password, created_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, true, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [id, req.username, req.displayName, hash, req.roles, req.policeAreaId, new Date(actor.nowMs)],
    );
    if (!inserted.length) throw fail.conflict(ADMIN_MESSAGES.usernameTaken, [{ field: 'username', code: 'taken', message: ADMIN_MESSAGES.usernameTaken }]);
    await audit(tx, actor, 'user.create', id, { username: req.username, roles: req.roles, policeAreaId: req.policeAreaId });
    return account(tx, id);
  });
  return { user, temporaryPassword: password };
}

/**
 * UpdateUserRequest. Deactivating ends every session of the user at once (and login is
 * refused until reactivated). An admin cannot lock themself out: not deactivate their own
 * account nor drop their own admin role (409).
 */
export async function updateAccount(db: Db, actor: AdminActor, id: string, input: unknown): Promise<AdminUser> {
  const parsed = validateUpdateUser(input);
  if (!parsed.ok) throw fail.invalid(parsed.issues);
  const req = parsed.value;
  refusePersonalData(req.displayName);
  return db.transaction(async (tx) => {
    const before = await targetAccount(tx, actor, id);
    if (before.id === actor.userId) {
      if (req.active === false) throw fail.conflict(ADMIN_MESSAGES.selfDeactivate);
      if (req.roles && !req.roles.includes('admin')) throw fail.conflict(ADMIN_MESSAGES.selfAdminRole);
    }
    if (req.policeAreaId !== undefined) await checkArea(tx, actor, req.policeAreaId);
    const after = {
      display_name: req.displayName ?? before.display_name,
      roles: req.roles ?? before.roles,
      police_area_id: req.policeAreaId ?? before.police_area_id,
      active: req.active ?? before.active,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(after) as (keyof typeof after)[]) {
      if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = { from: before[key], to: after[key] };
    }
    if (!Object.keys(changes).length) return account(tx, before.id);
    await tx.query('UPDATE users SET display_name = $2, roles = $3::text[], police_area_id = $4, active = $5 WHERE id = $1', [
      before.id,
      after.display_name,
      after.roles,
      after.police_area_id,
      after.active,
    ]);
    // checkSession refuses an inactive user anyway; revoking too makes a later reactivation need a new login.
    const sessionsEnded = before.active && !after.active ? await revokeUserSessions(tx, before.id, actor.nowMs) : 0;
    await audit(tx, actor, 'user.update', before.id, { username: before.username, changes, sessionsEnded });
    return account(tx, before.id);
  });
}

/** A new temporary password; the user's sessions end and the next login must change it. */
export async function resetAccountPassword(db: Db, actor: AdminActor, id: string, cost?: ScryptCost): Promise<{ temporaryPassword: string }> {
  const password = temporaryPassword();
  const hash = await hashPassword(password, cost);
  await db.transaction(async (tx) => {
    const target = await targetAccount(tx, actor, id);
    await setPasswordHash(tx, target.id, hash, true);
    const sessionsEnded = await revokeUserSessions(tx, target.id, actor.nowMs);
    await audit(tx, actor, 'user.reset_password', target.id, { username: target.username, sessionsEnded });
  });
  return { temporaryPassword: password };
}

/**
 * Revokes a device of the area. Its sessions (any user's, bound to its id) may from now
 * on only push what is queued and log out; a repeated revoke keeps the first one.
 */
export async function revokeDevice(db: Db, actor: AdminActor, deviceId: string): Promise<AdminDevice> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AdminDeviceRow & { police_area_id: string }>(
      `SELECT ${DEVICE_COLUMNS}, d.revoked_at, u.police_area_id FROM devices d JOIN users u ON u.id = d.user_id WHERE d.device_id = $1 FOR UPDATE OF d`,
      [deviceId],
    );
    if (!row) throw fail.notFound(ADMIN_MESSAGES.deviceNotFound);
    if (actor.policeAreaId !== null && row.police_area_id !== actor.policeAreaId) throw fail.forbidden(ADMIN_MESSAGES.otherArea);
    if (row.revoked_at) return toAdminDevice(row);
    const now = new Date(actor.nowMs);
    await tx.query('UPDATE devices SET revoked_at = $2, revoked_by = $3 WHERE device_id = $1', [deviceId, now, actor.userId]);
    // A lost phone must not be unlockable with the officer's password: its recovery keys go (005_recovery_keys.sql).
    await tx.query('DELETE FROM recovery_keys WHERE device_id = $1', [deviceId]);
    await audit(tx, actor, 'device.revoke', deviceId, { userId: row.user_id, username: row.username, queuedCount: row.queued_count });
    return toAdminDevice({ ...row, revoked_at: now });
  });
}
