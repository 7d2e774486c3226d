// The push decision for each change, as a pure function of what the database holds
// for the batch's ids (read under lock). Order matters: a batch may carry rev 1 and
// rev 2 of the same entry, so the head advances as changes are accepted.
import type { PushStatus } from '../../src/domain/sync.ts';
import type { ValidationIssue } from '../../src/domain/validation.ts';
import type { PreparedChange, ReadableChange } from './prepare.ts';

export interface Head {
  rev: number;
  officerId: string;
  voided: boolean;
}

export interface StoredRevision {
  officerId: string;
  requestHash: string;
  serverSeq: number;
  serverTime: Date;
}

export type Decision =
  | { status: 'apply'; change: ReadableChange }
  | { status: 'duplicate'; serverSeq: number; serverTime: Date }
  /** The same (id, rev) earlier in this batch: answered like it once it has a serverSeq. */
  | { status: 'same_as'; index: number }
  | { status: Exclude<PushStatus, 'applied' | 'duplicate'>; errors: ValidationIssue[] };

const issue = (field: string, code: string, message: string): ValidationIssue[] => [{ field, code, message }];

const NOT_OWNER = issue('id', 'not_owner', 'Du kan bara ändra eller återkalla dina egna registreringar.');

export const revKey = (id: string, rev: number) => `${id}#${rev}`;

export function classify(changes: PreparedChange[], heads: Map<string, Head>, stored: Map<string, StoredRevision>, userId: string): Decision[] {
  const current = new Map(heads);
  const inBatch = new Map<string, { index: number; hash: string }>();
  return changes.map((c, index): Decision => {
    if (!c.readable) return { status: 'rejected', errors: c.issues };
    const key = revKey(c.id, c.rev);

    // Replays first: an applied revision is answered from its stored row, whatever
    // has happened to the entry or the catalogue since.
    const old = stored.get(key);
    if (old) {
      if (old.officerId !== userId) return { status: 'rejected', errors: NOT_OWNER };
      if (old.requestHash === c.hash) return { status: 'duplicate', serverSeq: old.serverSeq, serverTime: old.serverTime };
      return { status: 'conflict', errors: issue('rev', 'rev_exists', 'Den här versionen finns redan på servern med annat innehåll. Hämta senaste versionen.') };
    }
    const earlier = inBatch.get(key);
    if (earlier) {
      if (earlier.hash === c.hash) return { status: 'same_as', index: earlier.index };
      return { status: 'conflict', errors: issue('rev', 'rev_exists', 'Samma version skickades två gånger med olika innehåll.') };
    }

    const head = current.get(c.id);
    if (head && head.officerId !== userId) return { status: 'rejected', errors: NOT_OWNER };
    if (head?.voided) return { status: 'rejected', errors: issue('op', 'voided', 'Registreringen är återkallad och kan inte ändras.') };
    // Revisions must move forward. Gaps are allowed: a revision the server rejected is
    // never stored, and the device's correction of it carries the next number.
    if (head && c.rev <= head.rev) {
      const message = `Registreringen har version ${head.rev} på servern; version ${c.rev} är äldre. Hämta senaste versionen.`;
      return { status: 'conflict', errors: issue('rev', 'rev_mismatch', message) };
    }
    if (c.op === 'void' && !head) return { status: 'rejected', errors: issue('op', 'nothing_to_void', 'Det finns ingen registrering att återkalla.') };
    if (c.issues.length > 0) return { status: 'rejected', errors: c.issues };

    inBatch.set(key, { index, hash: c.hash });
    current.set(c.id, { rev: c.rev, officerId: userId, voided: c.op === 'void' });
    return { status: 'apply', change: c };
  });
}
