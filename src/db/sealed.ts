// What of an entry is sealed on the device, and what stays readable for the indexes and
// the day tallies (docs/decisions.md, "Encrypted device data").
//   readable: id, rev, op, officer, device, times, server sequence, and of the content
//             kommun, promise, activity, kind, start time and UTC offset (a list: any
//             other content field is sealed);
//   sealed:   place, note, details (the counts), duration and the reason for a withdrawal.
// A revision and the head made from it share one seal, bound to "entry:<id>:<rev>".
import type { EntryContent, EntryRevision } from '../domain/entry.ts';
import { open, seal, type Sealed } from '../crypto/seal.ts';
import { requireDataKey } from '../crypto/keystore.ts';

export type PlainContent = Pick<EntryContent, 'kind' | 'kommunId' | 'promiseId' | 'activityId' | 'startedAt' | 'utcOffsetMinutes'>;

/** The content fields that stay readable; every other field (today place, note, details, duration) is sealed, also one added later. */
const PLAIN_CONTENT: ReadonlySet<string> = new Set<keyof PlainContent>(['kind', 'kommunId', 'promiseId', 'activityId', 'startedAt', 'utcOffsetMinutes']);

interface SecretPart {
  /** The content's sealed fields. */
  content: Partial<EntryContent>;
  voidReason: string | null;
}

/** A revision as stored (schema v4): content without its sealed fields, plus the seal. */
export type StoredRevision = Omit<EntryRevision, 'content' | 'voidReason'> & { content: PlainContent; sealed: Sealed };

export const entryAad = (id: string, rev: number): string => `entry:${id}:${rev}`;

/** The revision's sealed form. Await it BEFORE the transaction that stores it. */
export async function sealRevision(r: EntryRevision): Promise<StoredRevision> {
  const plain: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.content)) (PLAIN_CONTENT.has(k) ? plain : hidden)[k] = v;
  const secret: SecretPart = { content: hidden as Partial<EntryContent>, voidReason: r.voidReason };
  const { content: _c, voidReason: _v, ...rest } = r;
  return { ...rest, content: plain as PlainContent, sealed: await seal(requireDataKey(), secret, entryAad(r.id, r.rev)) };
}

/**
 * The plaintext of a stored revision or head (extra fields such as localDay and tallyKey
 * are kept). Throws SealError when it does not open; a record with no seal at all (the
 * plaintext of schema v3 before sealLegacyRecords) is refused the same way.
 */
export async function openRecord<S extends StoredRevision>(s: S): Promise<Omit<S, 'content' | 'sealed'> & EntryRevision> {
  const key = requireDataKey();
  const secret = await open<SecretPart>(key, s.sealed, entryAad(s.id, s.rev), `Registreringen ${s.id} (version ${s.rev})`);
  const { sealed: _s, content, ...rest } = s;
  return { ...rest, content: { ...content, ...secret.content } as EntryContent, voidReason: secret.voidReason };
}

/** Open many at once: the decrypts run in parallel, after the reads are done. */
export function openRecords<S extends StoredRevision>(list: readonly S[]): Promise<Array<Omit<S, 'content' | 'sealed'> & EntryRevision>> {
  return Promise.all(list.map((s) => openRecord(s)));
}
