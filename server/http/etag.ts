// Strong ETags for JSON bodies that a device keeps (catalogue, completions): an
// If-None-Match that names the current tag gets a bodiless 304.
import { createHash } from 'node:crypto';

/** Quoted, strong: SHA-256 of the body, base64url. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** If-None-Match may list several tags and, per RFC 9110, is compared weakly. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
