// The server's receipts for pushed revisions, kept as one row per answered push until
// they are folded into the revisions and heads they stamp.
//
// Why not stamp at once: a stamp rewrites the whole sealed revision and its head (a
// store with five indexes), two reads and two writes per entry. For a backlog of 10 000
// that was 4.3 of the push's 5.6 s of device work in Chromium, while the server was
// idle waiting for the next batch. A receipt row is one put per push, written in the
// same transaction that takes the items out of the outbox, so the device knows for sure
// what the server holds from that moment; the fold (foldReceipts) then stamps the
// records in small transactions after the pull, when nothing waits on it.
//
// Until a row is folded, its stamps are read through: every reader that shows or
// decides on a server sequence (getEntry, the lists, the pull's "already here" check,
// everApplied) merges them (withStamps), inside the same read transaction as the
// records, so a fold in between can never make a stamped entry look unsent.
import type { Table } from 'dexie';
import type { FieldLogDb, Stamp } from './schema.ts';

/** Stamps folded per transaction: short, so a save waiting behind the fold waits little. */
export const FOLD_CHUNK = 100;

const stampKey = (id: string, rev: number) => `${id}#${rev}`;

/** Record the stamps of one answered push. Call inside the transaction that leaves the outbox. */
export function addReceipts(db: FieldLogDb, stamps: Stamp[]): Promise<unknown> {
  return stamps.length === 0 ? Promise.resolve() : db.receipts.add({ stamps });
}

/** Stamps not folded yet, by "id#rev". Usually empty (one count request). */
export async function pendingStamps(db: FieldLogDb): Promise<Map<string, { serverSeq: number; serverTime: string | null }>> {
  const out = new Map<string, { serverSeq: number; serverTime: string | null }>();
  if ((await db.receipts.count()) === 0) return out;
  for (const row of await db.receipts.toArray()) {
    for (const [id, rev, serverSeq, serverTime] of row.stamps) out.set(stampKey(id, rev), { serverSeq, serverTime });
  }
  return out;
}

interface Stampable {
  id: string;
  rev: number;
  serverSeq: number | null;
  serverTime: string | null;
}

/** The records with their pending stamps applied (unchanged when they have one already). */
function withStamps<T extends Stampable | undefined>(records: T[], pending: Map<string, { serverSeq: number; serverTime: string | null }>): T[] {
  if (pending.size === 0) return records;
  return records.map((r) => {
    const s = r && r.serverSeq === null ? pending.get(stampKey(r.id, r.rev)) : undefined;
    return s ? { ...r, ...s } : r;
  });
}

/**
 * Read records of `table` and merge the pending stamps, both in one read transaction: a
 * fold committing in between would otherwise show a stamped entry as never sent.
 */
export function readStamped<T extends Stampable | undefined>(db: FieldLogDb, table: Table, read: () => Promise<T[]>): Promise<T[]> {
  return db.transaction('r', table, db.receipts, async () => {
    const [records, pending] = await Promise.all([read(), pendingStamps(db)]);
    return withStamps(records, pending);
  });
}

/** Whether any revision of the entry has a pending stamp. */
export function hasPendingStamp(pending: Map<string, unknown>, id: string): boolean {
  const prefix = `${id}#`;
  for (const k of pending.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

/**
 * Fold the receipts into the revisions and heads, oldest push first, FOLD_CHUNK stamps
 * per transaction. A record stamped meanwhile (a pull stores the server's copy with its
 * sequence) is left as it is, and a head only takes the stamp of its own revision.
 * Resumable: a row shrinks as its stamps are folded, so a fold cut short (app closed)
 * goes on from there next time. Returns how many stamps were folded.
 */
export async function foldReceipts(appDb: FieldLogDb): Promise<number> {
  // Relaxed: a fold lost in a power cut leaves its receipt, folded again next time (schema.ts).
  const db = appDb.bookkeeping();
  let folded = 0;
  for (;;) {
    const done = await db.transaction('rw', [db.receipts, db.revisions, db.entries], async () => {
      const row = await db.receipts.orderBy('n').first();
      if (!row) return -1;
      const chunk = row.stamps.slice(0, FOLD_CHUNK);
      const [revisions, heads] = await Promise.all([db.revisions.bulkGet(chunk.map(([id, rev]) => [id, rev] as [string, number])), db.entries.bulkGet(chunk.map(([id]) => id))]);
      const stamp = (n: number) => ({ serverSeq: chunk[n]![2], serverTime: chunk[n]![3] });
      const stampedRevisions = revisions.flatMap((r, n) => (r && r.serverSeq === null ? [{ ...r, ...stamp(n) }] : []));
      const stampedHeads = new Map<string, NonNullable<(typeof heads)[number]>>();
      heads.forEach((h, n) => {
        if (h && h.rev === chunk[n]![1] && h.serverSeq === null) stampedHeads.set(h.id, { ...h, ...stamp(n) });
      });
      const rest = row.stamps.slice(FOLD_CHUNK);
      await Promise.all([
        db.revisions.bulkPut(stampedRevisions),
        db.entries.bulkPut([...stampedHeads.values()]),
        rest.length > 0 ? db.receipts.put({ ...row, stamps: rest }) : db.receipts.delete(row.n!),
      ]);
      return chunk.length;
    });
    if (done < 0) return folded;
    folded += done;
  }
}
