// Sealing what a device upgraded from schema v3 still holds in plaintext: revisions,
// heads, drafts and the copies of conflicted revisions in the outbox. Runs once the data
// key exists (after the PIN is set, before the app is shown), page by page: each page is
// sealed first and written in its own transaction, so a page is either all sealed or
// untouched, and a run cut short carries on at the next unlock. Nothing is deleted:
// queued work stays queued.
import type { Table } from 'dexie';
import type { EntryRevision } from '../domain/entry.ts';
import { seal } from '../crypto/seal.ts';
import { requireDataKey } from '../crypto/keystore.ts';
import type { FieldLogDb, OutboxItem, StoredHead } from './schema.ts';
import { draftAad } from './drafts.ts';
import { sealRevision } from './sealed.ts';

const PAGE = 500;

const isPlain = (r: object | undefined): boolean => !!r && !('sealed' in r);

export interface LegacyReport {
  revisions: number;
  heads: number;
  drafts: number;
  conflicted: number;
}

/**
 * Walk `table` in primary-key order a page at a time; `sealAll` makes the sealed
 * replacements of a page's plaintext records (outside any transaction), and they are
 * put only if still plaintext when the transaction reads them again.
 */
// Any table (its insert type is not used here).
async function sealTable<T extends object, K>(table: Table<T, K, any>, keyOf: (r: T) => K, needsSeal: (r: T) => boolean, sealAll: (rs: T[]) => Promise<T[]>): Promise<number> {
  let done = 0;
  let after: K | null = null;
  for (;;) {
    const page: T[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(PAGE).toArray();
    if (page.length === 0) return done;
    after = keyOf(page.at(-1)!);
    const plain = page.filter(needsSeal);
    if (plain.length === 0) continue;
    const sealed = await sealAll(plain);
    await table.db.transaction('rw', table, async () => {
      const now = await table.bulkGet(plain.map(keyOf));
      await table.bulkPut(sealed.filter((_, i) => now[i] && needsSeal(now[i]!)));
    });
    done += plain.length;
  }
}

export async function sealLegacyRecords(db: FieldLogDb): Promise<LegacyReport> {
  const revisions = await sealTable(db.revisions, (r) => [r.id, r.rev] as [string, number], isPlain, (rs) => Promise.all(rs.map((r) => sealRevision(r as unknown as EntryRevision))));
  // A head keeps localDay and tallyKey: sealRevision leaves fields it does not know alone.
  const heads = await sealTable(db.entries, (h) => h.id, isPlain, (hs) => Promise.all(hs.map(async (h) => (await sealRevision(h as unknown as EntryRevision)) as StoredHead)));
  const drafts = await sealTable(
    db.drafts,
    (d) => d.key,
    isPlain,
    (ds) => Promise.all(ds.map(async (d) => ({ key: d.key, savedAt: d.savedAt, sealed: await seal(requireDataKey(), (d as unknown as { value: unknown }).value, draftAad(d.key)) }))),
  );
  const conflicted = await sealTable(
    db.outbox,
    (i) => i.seq!,
    (i: OutboxItem) => isPlain(i.conflicted),
    (items) => Promise.all(items.map(async (i) => ({ ...i, conflicted: await sealRevision(i.conflicted as unknown as EntryRevision) }))),
  );
  return { revisions, heads, drafts, conflicted };
}
