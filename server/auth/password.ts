// Password hashing with scrypt from node:crypto (no native add-on to build). The
// parameters travel with each hash, so the cost can be raised later and old hashes
// still verify: "scrypt$N$r$p$salt$hash" (base64url).
import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { equalSecrets } from './secret-compare.ts';

/** N = 2^15 takes about 100 ms on the 2-core reference machine: slow for guessing, fine for a login. */
export const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
export type ScryptCost = { N: number; r: number; p: number };

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly too small for N=2^15.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return equalSecrets(key, expected);
}

let dummy: Promise<string> | null = null;
/**
 * Verifies against a throwaway hash at the default cost, so that "no such user" takes as
 * long as "wrong password" and response time does not reveal which usernames exist.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password');
  await verifyPassword(password, await dummy);
  return false;
}
