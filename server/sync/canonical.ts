// The request hash of a change: SHA-256 of its JSON with keys sorted at every level, so
// a replay matches however the client's JSON serialiser ordered the keys. The hashes are
// stored with each revision: this text must never change, or replays from phones would
// be answered as conflicts (tests/server/canonical.test.ts holds it to a known hash).
import { createHash } from 'node:crypto';

/**
 * The text by concatenation: the definition of the canonical form, and the way for keys
 * that a copied object would not keep in sorted order (see sortedCopy).
 */
export function canonicalJsonByParts(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJsonByParts(value[i]);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (obj[k] === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJsonByParts(obj[k])}`;
    first = false;
  }
  return `${out}}`;
}

const UNSORTABLE = Symbol('unsortable');

/**
 * A copy of a JSON value with each object's keys inserted in sorted order, which
 * JSON.stringify then writes as they are. Or UNSORTABLE when an object has a key that
 * an object does not keep in insertion order: an integer-like one (engines list those
 * first, by value) or "__proto__" (assigning it sets the prototype).
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i]);
      if (item === UNSORTABLE) return UNSORTABLE;
      out[i] = item;
    }
    return out;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const c = k.charCodeAt(0);
    if ((c >= 48 && c <= 57) || k === '__proto__') return UNSORTABLE;
    const item = sortedCopy(obj[k]);
    if (item === UNSORTABLE) return UNSORTABLE;
    out[k] = item;
  }
  return out;
}

/**
 * The canonical JSON of a value parsed from JSON. The same text as canonicalJsonByParts,
 * made by one JSON.stringify of a sorted copy: the concatenated text is a tree of string
 * pieces that hashing must first flatten. Hashing a push of 1 000 changes took the
 * server's one thread 7.2-7.3 ms that way, against 5.1-5.5 ms.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === UNSORTABLE ? canonicalJsonByParts(value) : (JSON.stringify(copy) ?? 'null');
}

export function requestHash(change: unknown): string {
  return createHash('sha256').update(canonicalJson(change)).digest('base64url');
}
