// How many changes go in one push: as many as the server takes (MAX_PUSH_BATCH) while
// the body stays under its size limit (PUSH_BODY_LIMIT). A count alone cannot promise
// that: a note of 500 characters is 500 bytes in plain Swedish, 1 500 in another script
// and 3 000 in control characters, which JSON writes as \u0001, so the worst change is
// about 7 KiB and even 100 such changes would be refused. Sizes are measured exactly,
// as the body will be written.
import { PUSH_BODY_LIMIT, type PushChange } from '../domain/sync.ts';

/** Room left for the envelope around the changes (deviceId, heartbeat: under 300 bytes). */
const ENVELOPE_RESERVE = 2 * 1024;
export const PUSH_BODY_BUDGET = PUSH_BODY_LIMIT - ENVELOPE_RESERVE;

/** The UTF-8 length of a string (what it weighs in a request body). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // 2 bytes up to U+07FF, 3 above; a surrogate pair (2 units) is 4.
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/**
 * How many of the changes, from the first, fit in one push body of `budget` bytes. At
 * least one: a single change is far below any limit (the domain's field limits).
 */
export function fitsInBody(changes: readonly PushChange[], budget: number = PUSH_BODY_BUDGET): number {
  let bytes = 0;
  for (let i = 0; i < changes.length; i++) {
    // Its JSON and the comma before the next one.
    bytes += utf8Length(JSON.stringify(changes[i])) + 1;
    if (bytes > budget && i > 0) return i;
  }
  return changes.length;
}
