// Users as stored, and the User the API hands out (with the kommuner of the user's area).
import { randomUUID } from 'node:crypto';
import type { Role, User } from '../../src/domain/sync.ts';
import type { Queryable } from '../db/db.ts';
import { hashPassword, type ScryptCost } from './password.ts';

export { ROLES } from '../../src/domain/sync.ts';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  police_area_id: string;
  active: boolean;
  must_change_password: boolean;
  kommun_ids: string[];
}

/** Usernames are compared case-insensitively: "Polis1" and "polis1" are one account. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

const SELECT_USER = `SELECT u.id, u.username, u.display_name, u.password_hash, u.roles, u.police_area_id, u.active,
  u.must_change_password, ARRAY(SELECT k.id FROM kommuner k WHERE k.police_area_id = u.police_area_id ORDER BY k.id) AS kommun_ids
  FROM users u`;

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const [row] = await q.query<UserRow>(`${SELECT_USER} WHERE u.username = $1`, [normaliseUsername(username)]);
  return row ?? null;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const [row] = await q.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return row ?? null;
}

/** mustChangePassword is present only when set, so the usual User is unchanged. */
export function toUser(row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'roles' | 'police_area_id' | 'kommun_ids'> & Partial<Pick<UserRow, 'must_change_password'>>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    policeAreaId: row.police_area_id,
    kommunIds: row.kommun_ids,
    ...(row.must_change_password ? { mustChangePassword: true } : {}),
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  policeAreaId: string;
  mustChangePassword?: boolean;
  /** Tests pass a low cost to keep suites fast; production uses the default. */
  passwordCost?: ScryptCost;
}

export async function createUser(q: Queryable, input: NewUser): Promise<User> {
  const id = randomUUID();
  const hash = await hashPassword(input.password, input.passwordCost);
  await q.query(
    `INSERT INTO users (id, username, display_name, password_hash, roles, police_area_id, must_change_password)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7)`,
    [id, normaliseUsername(input.username), input.displayName, hash, input.roles, input.policeAreaId, input.mustChangePassword ?? false],
  );
  const row = await findUserById(q, id);
  if (!row) throw new Error('user vanished after insert');
  return toUser(row);
}

/** Deactivating a user also stops their sessions (checked on every request). */
export async function setUserActive(q: Queryable, id: string, active: boolean): Promise<void> {
  await q.query('UPDATE users SET active = $2 WHERE id = $1', [id, active]);
}

/** A new password hash; `mustChange` true after an admin's reset, false when the user chose it. */
export async function setPasswordHash(q: Queryable, id: string, hash: string, mustChange: boolean): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1', [id, hash, mustChange]);
}
