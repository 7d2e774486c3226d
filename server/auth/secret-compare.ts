// The one way the server compares secrets held in memory (password hashes today). Its
// time depends on the lengths only, never on where the first differing byte is, so
// response timing cannot be used to guess a secret byte by byte.
// Session tokens need no such compare: the server looks them up by their SHA-256 in the
// database (server/auth/sessions.ts); a timing difference there could at most leak a
// prefix of the hash of the attacker's own guess, which says nothing about a real token.
import { timingSafeEqual } from 'node:crypto';

export function equalSecrets(a: Uint8Array, b: Uint8Array): boolean {
  // timingSafeEqual throws on unequal lengths; compare a with itself instead so that the
  // work done does not depend on whether the lengths matched.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
