// Bulk-loading the device database with the records saveEntry writes (sealed revision,
// sealed head, day rows, and the outbox item for unsent work), many entries per
// transaction. Filling 10 000 or 100 000 entries through single saves would time the
// filling, not what the benchmark is about. Mirrors store() in src/db/entries.ts.
import { applyDayDeltas, headOf, newDayDeltas, sealRevision, trackHeadChange, type FieldLogDb, type OutboxItem, type StoredHead } from '../../src/db/index.ts';
import { setDataKey } from '../../src/crypto/keystore.ts';
import type { EntryRevision } from '../../src/domain/entry.ts';

/**
 * Unlock the device data with a known key (32 raw bytes), as the PIN screen would with
 * the unwrapped one. The same bytes after a browser restart open what was sealed before.
 */
export async function unlockWith(raw: readonly number[]): Promise<void> {
  setDataKey(await crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
}

/** A fresh random key, for benches that never restart the browser. */
export function randomKeyBytes(): number[] {
  return [...crypto.getRandomValues(new Uint8Array(32))];
}

export async function bulkStore(db: FieldLogDb, revisions: readonly EntryRevision[], options: { queued: boolean }): Promise<void> {
  // Sealed before the transaction: IndexedDB would commit one that waits on WebCrypto.
  const stored = await Promise.all(revisions.map((r) => sealRevision(r)));
  // Only the last revision of an entry is its head.
  const lastIndex = new Map<string, number>();
  revisions.forEach((r, i) => lastIndex.set(r.id, i));
  const heads: StoredHead[] = [];
  const deltas = newDayDeltas();
  for (const i of lastIndex.values()) {
    const head = headOf(revisions[i]!);
    const s: StoredHead = { ...stored[i]!, localDay: head.localDay };
    if (head.tallyKey !== undefined) s.tallyKey = head.tallyKey;
    heads.push(s);
    trackHeadChange(deltas, undefined, head);
  }
  const outbox: OutboxItem[] = options.queued ? revisions.map((r, i) => ({ id: r.id, rev: r.rev, officerId: r.officerId, state: 'queued', queuedAt: r.clientTime, attempts: 0, revision: stored[i]! })) : [];
  await db.transaction('rw', [db.entries, db.revisions, db.dayTallies, db.outbox], async () => {
    await db.revisions.bulkAdd(stored);
    await db.entries.bulkAdd(heads);
    await applyDayDeltas(db.dayTallies, deltas);
    if (outbox.length > 0) await db.outbox.bulkAdd(outbox);
  });
}
