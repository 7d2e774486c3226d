// Secrets compared in memory go through one constant-time function; session tokens are
// never compared at all (looked up by their SHA-256).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/password.ts';
import { equalSecrets } from '../../server/auth/secret-compare.ts';

describe('equalSecrets', () => {
  it('is true for equal bytes only, and never throws on unequal lengths', () => {
    const a = randomBytes(32);
    expect(equalSecrets(a, Buffer.from(a))).toBe(true);
    const b = Buffer.from(a);
    b[31] = (b[31]! + 1) % 256;
    expect(equalSecrets(a, b)).toBe(false);
    expect(equalSecrets(a, a.subarray(0, 31))).toBe(false);
    expect(equalSecrets(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
  });

  it('takes about as long whether the first or the last byte differs', () => {
    const secret = randomBytes(4096);
    const early = Buffer.from(secret);
    early[0] = (early[0]! + 1) % 256;
    const late = Buffer.from(secret);
    late[4095] = (late[4095]! + 1) % 256;
    const time = (other: Buffer) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 20_000; i++) equalSecrets(secret, other);
      return Number(process.hrtime.bigint() - started);
    };
    // The fastest of several alternating runs each: robust against a busy machine.
    const best = { early: Infinity, late: Infinity };
    for (let round = 0; round < 6; round++) {
      best.early = Math.min(best.early, time(early));
      best.late = Math.min(best.late, time(late));
    }
    const ratio = best.early / best.late;
    // A short-circuiting compare would make "early" ~100× faster on 4 KiB.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('is what password verification uses; no secret is compared with === on the server', async () => {
    const hash = await hashPassword('hemligt', { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword('hemligt', hash)).toBe(true);
    expect(await verifyPassword('hemligt', hash.replace(/\$[^$]+$/, '$AAAA'))).toBe(false); // a stored hash of another length
    expect(readFileSync('server/auth/password.ts', 'utf8')).toMatch(/equalSecrets\(key, expected\)/);
    // Sessions: the token's hash is the lookup key; nothing compares a token in memory.
    expect(readFileSync('server/auth/sessions.ts', 'utf8')).toMatch(/WHERE s\.token_hash = \$1/);
  });
});
