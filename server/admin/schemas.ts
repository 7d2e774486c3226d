// The shapes of the admin requests (src/domain/admin.ts), with Swedish messages.
import * as v from 'valibot';
import type { NewUserRequest, UpdateUserRequest } from '../../src/domain/admin.ts';
import type { Role } from '../../src/domain/sync.ts';
import { validate, type Validated } from '../../src/domain/validation.ts';
import { ROLES } from '../auth/users.ts';

// Usernames are case-insensitive at login; they are stored, and so checked, in lowercase.
const username = v.pipe(
  v.string('Ange ett användarnamn.'),
  v.trim(),
  v.toLowerCase(),
  v.minLength(3, 'Användarnamnet ska vara 3–40 tecken.'),
  v.maxLength(40, 'Användarnamnet ska vara 3–40 tecken.'),
  v.regex(/^[a-z0-9._-]+$/, 'Användarnamnet får bara innehålla a–z, 0–9, punkt, understreck och bindestreck.'),
);
const displayName = v.pipe(v.string('Ange namn.'), v.trim(), v.minLength(1, 'Ange namn.'), v.maxLength(80, 'Namnet får vara högst 80 tecken.'));
const roles = v.pipe(
  v.array(v.picklist(ROLES as Role[], 'Okänd roll.'), 'Välj minst en roll.'),
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
