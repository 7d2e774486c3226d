// The request hash of a change: SHA-256 of its JSON with keys sorted at every level, so
// a replay matches however the client's JSON serialiser ordered the keys. Written with
// plain loops: it runs for every pushed change.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (obj[k] === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(obj[k])}`;
    first = false;
  }
  return `${out}}`;
}

export function requestHash(change: unknown): string {
  return createHash('sha256').update(canonicalJson(change)).digest('base64url');
}
