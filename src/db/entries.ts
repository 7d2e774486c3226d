// Logging, correcting and withdrawing entries. Each write puts the revision, the
// entry's head, its day tally and the outbox item in one transaction: all land or none.
// The content is sealed (sealed.ts) BEFORE that transaction and opened AFTER the reads:
// IndexedDB commits a transaction that waits on anything else, such as WebCrypto, and
// Dexie then fails it with PrematureCommitError (Dexie.waitFor would keep it alive with
// dummy requests; we would rather not).
import type { EntryContent, EntryRevision } from '../domain/entry.ts';
import { tallyKey, tallyKeyOf } from '../domain/progress.ts';
import { localDate } from '../domain/calendar.ts';
import { sameSeal } from '../crypto/seal.ts';
import type { FieldLogDb, EntryHead, StoredHead } from './schema.ts';
import { applyDayDeltas, newDayDeltas, trackHeadChange } from './day-tallies.ts';
import { hasPendingStamp, pendingStamps, readStamped } from './receipts.ts';
import { openRecord, openRecords, sealRevision, type StoredRevision } from './sealed.ts';

export interface WriteContext {
  officerId: string;
  deviceId: string;
  now: () => number;
  /** Id for a new entry; crypto.randomUUID() unless a test fixes it. */
  newId?: () => string;
}

export class EntryNotFoundError extends Error {
  constructor(id: string) {
    super(`Registreringen ${id} finns inte på enheten.`);
  }
}

export class EntryWithdrawnError extends Error {
  constructor(id: string) {
    super(`Registreringen ${id} är återkallad och kan inte ändras.`);
  }
}

/** A head changed between reading (and opening) it and the write transaction: read again. */
class HeadMovedError extends Error {}
const RETRIES = 5;

export function headOf(revision: EntryRevision): EntryHead {
  const key = tallyKeyOf(revision);
  const head: EntryHead = { ...revision, localDay: localDate(revision.content.startedAt) };
  if (key !== undefined) head.tallyKey = key;
  return head;
}

/** The stored head: the revision's seal with the head's readable fields. */
function storedHeadOf(stored: StoredRevision, head: EntryHead): StoredHead {
  const out: StoredHead = { ...stored, localDay: head.localDay };
  if (head.tallyKey !== undefined) out.tallyKey = head.tallyKey;
  return out;
}

/** The same record as when it was read: same revision and the same seal (a stamp may differ). */
const unchanged = (now: StoredHead | undefined, before: StoredHead | undefined) =>
  now === before || (!!now && !!before && now.rev === before.rev && sameSeal(now.sealed, before.sealed));

type Change = Pick<EntryRevision, 'op' | 'content' | 'voidReason'>;

function newRevision(id: string, rev: number, change: Change, ctx: WriteContext): EntryRevision {
  return { id, rev, ...change, officerId: ctx.officerId, deviceId: ctx.deviceId, clientTime: new Date(ctx.now()).toISOString(), serverTime: null, serverSeq: null };
}

/**
 * The writes of a revision; callers run it inside their transaction. `previous` is the
 * opened head it replaces (undefined for a new entry): its day tally gives back what it counted.
 */
async function store(db: FieldLogDb, revision: EntryRevision, stored: StoredRevision, previous: EntryHead | undefined, queue: boolean): Promise<void> {
  const head = headOf(revision);
  // Issued together rather than each awaiting the last (IndexedDB still runs them in
  // order): the day row kept the save's median at 1.7 ms instead of 2.0 in Chromium.
  // Any failure (a revision that exists) aborts the transaction, so none of them lands.
  await Promise.all([
    db.revisions.add(stored),
    db.entries.put(storedHeadOf(stored, head)),
    applyDayDeltas(db.dayTallies, trackHeadChange(newDayDeltas(), previous, head)),
    queue && db.outbox.add({ id: revision.id, rev: revision.rev, officerId: revision.officerId, state: 'queued', queuedAt: revision.clientTime, attempts: 0, revision: stored }),
  ]);
}

/** Log a new entry (revision 1). The content must already have passed validation. */
export async function saveEntry(db: FieldLogDb, content: EntryContent, ctx: WriteContext): Promise<EntryRevision> {
  const revision = newRevision((ctx.newId ?? (() => crypto.randomUUID()))(), 1, { op: 'upsert', content, voidReason: null }, ctx);
  const stored = await sealRevision(revision);
  await db.transaction('rw', [db.revisions, db.entries, db.outbox, db.dayTallies], () => store(db, revision, stored, undefined, true));
  return revision;
}

/**
 * The next revision of an entry. The head is read and opened first, the new revision
 * (whose number follows the head's) sealed, and the transaction checks that the head is
 * still the one it read, so two quick edits cannot both take rev n+1: the later one
 * reads again and takes n+2. The seal can therefore bind the revision number too.
 */
async function nextRevision(db: FieldLogDb, id: string, ctx: WriteContext, changeOf: (head: EntryHead) => Change): Promise<EntryRevision> {
  for (let attempt = 0; ; attempt++) {
    const read = await db.entries.get(id);
    if (!read) throw new EntryNotFoundError(id);
    const head = await openRecord(read);
    // A withdrawal is final, as on the server (which answers 'voided'): no revision after it.
    if (head.op === 'void') throw new EntryWithdrawnError(id);
    const revision = newRevision(id, head.rev + 1, changeOf(head), ctx);
    const stored = await sealRevision(revision);
    try {
      return await db.transaction('rw', [db.revisions, db.entries, db.outbox, db.dayTallies, db.receipts], async () => {
        if (!unchanged(await db.entries.get(id), read)) throw new HeadMovedError();
        // The server has answered a rejected revision for good; this one supersedes it.
        const pending = await db.outbox.where('id').equals(id).toArray();
        const rejected = pending.filter((i) => i.state === 'rejected');
        await db.outbox.bulkDelete(rejected.map((i) => i.seq!));
        // Withdrawing an entry that the server never accepted (every revision rejected,
        // nothing in flight) stays on the device: there is nothing on the server to void.
        const neverOnServer = rejected.length > 0 && rejected.length === pending.length && !(await everApplied(db, id));
        await store(db, revision, stored, head, !(revision.op === 'void' && neverOnServer));
        return revision;
      });
    } catch (e) {
      if (!(e instanceof HeadMovedError) || attempt >= RETRIES) throw e;
    }
  }
}

/** Called inside a transaction that includes revisions and receipts. */
async function everApplied(db: FieldLogDb, id: string): Promise<boolean> {
  if ((await db.revisions.where('id').equals(id).filter((r) => r.serverSeq !== null).count()) > 0) return true;
  return hasPendingStamp(await pendingStamps(db), id);
}

/** Correct an entry: a new revision with the new content. */
export function correctEntry(db: FieldLogDb, id: string, content: EntryContent, ctx: WriteContext): Promise<EntryRevision> {
  return nextRevision(db, id, ctx, () => ({ op: 'upsert', content, voidReason: null }));
}

/** Withdraw an entry with a reason: a void revision that keeps the content for history. */
export function voidEntry(db: FieldLogDb, id: string, reason: string, ctx: WriteContext): Promise<EntryRevision> {
  return nextRevision(db, id, ctx, (head) => ({ op: 'void', content: head.content, voidReason: reason }));
}

export async function getEntry(db: FieldLogDb, id: string): Promise<EntryHead | undefined> {
  const [stored] = await readStamped(db, db.entries, async () => {
    const head = await db.entries.get(id);
    return head ? [head] : [];
  });
  return stored && openRecord(stored);
}

/** Every revision of an entry, oldest first. */
export async function listRevisions(db: FieldLogDb, id: string): Promise<EntryRevision[]> {
  return openRecords(await readStamped(db, db.revisions, () => db.revisions.where('id').equals(id).sortBy('rev')));
}

/** The officer's entries, newest start time first. */
export async function listEntries(db: FieldLogDb, officerId: string, limit = 200): Promise<EntryHead[]> {
  const stored = await readStamped(db, db.entries, () =>
    db.entries
      .orderBy('content.startedAt')
      .reverse()
      .filter((e) => e.officerId === officerId)
      .limit(limit)
      .toArray(),
  );
  return openRecords(stored);
}

/** Entries of an activity, of the given kinds, that count (not voided) and started in [from, to). */
export async function countLive(db: FieldLogDb, activityId: string, kinds: readonly string[], from: string, to: string): Promise<number> {
  const counts = await Promise.all(
    kinds.map((kind) => {
      const key = tallyKey(activityId, kind);
      return db.entries.where('[tallyKey+content.startedAt]').between([key, from], [key, to], true, false).count();
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Places recently used for an activity, most recent first, without repeats. */
export async function recentPlaces(db: FieldLogDb, activityId: string, kind: string, max = 8): Promise<string[]> {
  const key = tallyKey(activityId, kind);
  const recent = await db.entries
    .where('[tallyKey+content.startedAt]')
    .between([key, ''], [key, '\uffff'])
    .reverse()
    .limit(50)
    .toArray();
  return [...new Set((await openRecords(recent)).map((e) => e.content.place))].slice(0, max);
}

/**
 * Store revisions that came from the server (pull). A revision already here is only
 * stamped with its server sequence; a newer one from another device becomes the head,
 * and only then do the day tallies move (an older revision changes nothing).
 * What came in is sealed, and the heads it may replace opened (their day tallies need
 * the counts), before the transaction; the transaction checks those heads did not move.
 */
export async function storePulledRevisions(appDb: FieldLogDb, pulled: EntryRevision[], cursor?: { key: string; value: number }): Promise<void> {
  // Relaxed: a page lost in a power cut goes with its cursor, and is pulled again (schema.ts).
  const db = appDb.bookkeeping();
  // The device's own pushes come back already stamped, or with their receipt waiting to
  // be folded (receipts.ts, merged here), and a server
  // sequence names one revision's content: an entry whose head is that revision with that
  // sequence is skipped, not sealed and written again. The heads read here serve the first attempt.
  const firstRead = pulled.length === 0 ? [] : await readStamped(db, db.entries, () => db.entries.bulkGet(pulled.map((r) => r.id)));
  const fresh = pulled.map((r, i) => r.serverSeq === null || firstRead[i]?.rev !== r.rev || firstRead[i]?.serverSeq !== r.serverSeq);
  const revisions = pulled.filter((_, i) => fresh[i]);
  const sealed = await Promise.all(revisions.map(sealRevision));
  const ids = revisions.map((r) => r.id);
  for (let attempt = 0; ; attempt++) {
    const read = attempt === 0 ? firstRead.filter((_, i) => fresh[i]) : revisions.length === 0 ? [] : await db.entries.bulkGet(ids);
    const opened = await openRecords(read.filter((h): h is StoredHead => !!h));
    try {
      await db.transaction('rw', [db.revisions, db.entries, db.meta, db.dayTallies], async () => {
        // The cursor moves in the same transaction, so a crash can only make us pull again.
        if (cursor) await db.meta.put(cursor);
        if (revisions.length === 0) return;
        const now = await db.entries.bulkGet(ids);
        if (now.some((h, i) => !unchanged(h, read[i]))) throw new HeadMovedError();
        const headById = new Map<string, EntryHead>(opened.map((h) => [h.id, h]));
        await db.revisions.bulkPut(sealed);
        const newHeads = new Map<string, StoredHead>();
        const deltas = newDayDeltas();
        revisions.forEach((r, i) => {
          const head = headById.get(r.id);
          if (!head || r.rev >= head.rev) {
            const h = headOf(r);
            // The same revision again (a stamp) nets to nothing; the server's revision
            // replacing a lost local one of the same number moves the tallies.
            trackHeadChange(deltas, head, h);
            headById.set(r.id, h);
            newHeads.set(r.id, storedHeadOf(sealed[i]!, h));
          }
        });
        await db.entries.bulkPut([...newHeads.values()]);
        await applyDayDeltas(db.dayTallies, deltas);
      });
      return;
    } catch (e) {
      if (!(e instanceof HeadMovedError) || attempt >= RETRIES) throw e;
    }
  }
}
