// Everything about a pushed change that needs no database: shape, the shared entry
// schema, void reason, the user's area and the catalogue. Done before the transaction
// so no row lock is held while the CPU validates.
import * as v from 'valibot';
import type { Catalogue } from '../../src/domain/catalogue/index.ts';
import { checkEntryAgainstCatalogue } from '../../src/domain/catalogue/index.ts';
import type { EntryContent, RevisionOp } from '../../src/domain/entry.ts';
import type { User } from '../../src/domain/sync.ts';
import { toIssues, validateEntryContent, validateVoidReason, type ValidationIssue } from '../../src/domain/validation.ts';
import { requestHash } from './canonical.ts';
import { changeSchema } from './schemas.ts';

/** A change whose id and rev could not even be read: rejected without a database lookup. */
export interface UnreadableChange {
  readable: false;
  id: string;
  rev: number;
  issues: ValidationIssue[];
}

export interface ReadableChange {
  readable: true;
  id: string;
  rev: number;
  op: RevisionOp;
  hash: string;
  clientTime: string;
  /** Validated (normalised) content; null when `issues` is not empty. */
  content: EntryContent | null;
  voidReason: string | null;
  /** Why it would be rejected if it is not a replay; a replay is answered 'duplicate' regardless. */
  issues: ValidationIssue[];
}

export type PreparedChange = UnreadableChange | ReadableChange;

// valibot reports a field missing from the entry as path "" when the entry itself is absent.
const fieldOr = (issues: ValidationIssue[], fallback: string) => issues.map((i) => (i.field ? i : { ...i, field: fallback }));

export function prepareChange(raw: unknown, user: User, catalogue: Catalogue, nowMs: number): PreparedChange {
  const shape = v.safeParse(changeSchema, raw);
  if (!shape.success) {
    const r = (raw ?? {}) as { id?: unknown; rev?: unknown };
    const issues = fieldOr(toIssues(shape.issues), 'change');
    // Echoed in the result: only what the PushResult type can hold (a rev of 1e400 is Infinity, which JSON writes as null).
    return { readable: false, id: typeof r.id === 'string' && r.id.length <= 64 ? r.id : '', rev: Number.isSafeInteger(r.rev) ? (r.rev as number) : 0, issues };
  }
  const change = shape.output;
  const base = { readable: true as const, id: change.id, rev: change.rev, op: change.op, hash: requestHash(raw), clientTime: change.clientTime };

  const content = validateEntryContent(change.entry);
  if (!content.ok) return { ...base, content: null, voidReason: null, issues: fieldOr(content.issues, 'entry') };

  let voidReason: string | null = null;
  if (change.op === 'void') {
    const reason = validateVoidReason(change.voidReason);
    if (!reason.ok) return { ...base, content: null, voidReason: null, issues: fieldOr(reason.issues, 'voidReason') };
    voidReason = reason.value;
  } else if (change.voidReason !== null) {
    return { ...base, content: null, voidReason: null, issues: [{ field: 'voidReason', code: 'unexpected', message: 'Skäl anges bara när en registrering återkallas.' }] };
  }

  if (!user.kommunIds.includes(content.value.kommunId)) {
    return { ...base, content: null, voidReason, issues: [{ field: 'kommunId', code: 'outside_area', message: 'Kommunen ingår inte i ditt polisområde.' }] };
  }
  // A void only withdraws: it must stay possible after the catalogue has changed under the entry.
  const issues = change.op === 'upsert' ? checkEntryAgainstCatalogue(content.value, catalogue, nowMs) : [];
  return { ...base, content: issues.length ? null : content.value, voidReason, issues };
}
