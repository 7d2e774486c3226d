// A pull brings the device's own pushes back (docs/decisions.md): those already stamped
// are skipped, everything else is stored as before.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, saveEntry, storePulledRevisions, getEntry, getMeta, listRevisions, type WriteContext } from '../../../src/db/index.ts';
import { applyPushResults, nextBatch } from '../../../src/db/outbox-push.ts';
import type { EntryRevision } from '../../../src/domain/entry.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
const ctx: WriteContext = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-03-01T08:00:00Z') };
const cursor = (value: number) => ({ key: 'pullCursor', value });

beforeEach(async () => {
  db = new FieldLogDb(`pull-back-${crypto.randomUUID()}`);
  await db.open();
});

/** Revisions the pull puts (through the bookkeeping connection, as it writes: schema.ts). */
function countPuts(): { revisions: number } {
  const counts = { revisions: 0 };
  const table = db.bookkeeping().revisions;
  const original = table.bulkPut.bind(table);
  table.bulkPut = ((...args: Parameters<typeof original>) => {
    counts.revisions += args[0].length;
    return original(...args);
  }) as typeof original;
  return counts;
}

describe('pulling back what this device pushed', () => {
  it('skips revisions stored with the same server sequence, stores the rest, moves the cursor', async () => {
    const mine = await saveEntry(db, trafficCheck(), ctx);
    const sent = (await nextBatch(db, 10)).map((c) => c.item);
    await applyPushResults(db, [{ id: mine.id, rev: 1, status: 'applied', serverSeq: 1, serverTime: '2025-03-01T08:00:01.000Z' }], sent);
    const stamped: EntryRevision = { ...mine, serverSeq: 1, serverTime: '2025-03-01T08:00:01.000Z' };
    const other: EntryRevision = { ...mine, id: crypto.randomUUID(), officerId: 'o2', serverSeq: 2, serverTime: '2025-03-01T08:00:02.000Z' };
    const puts = countPuts();
    await storePulledRevisions(db, [stamped, other], cursor(2));
    expect(puts.revisions).toBe(1);
    expect(await getMeta(db, 'pullCursor')).toBe(2);
    expect(await getEntry(db, other.id)).toMatchObject({ serverSeq: 2, officerId: 'o2' });
    expect(await getEntry(db, mine.id)).toMatchObject({ serverSeq: 1, content: mine.content });
  });

  it('still stamps a revision whose answer never arrived', async () => {
    const mine = await saveEntry(db, trafficCheck(), ctx);
    await storePulledRevisions(db, [{ ...mine, serverSeq: 5, serverTime: '2025-03-01T08:00:05.000Z' }], cursor(5));
    expect((await listRevisions(db, mine.id))[0]?.serverSeq).toBe(5);
    expect((await getEntry(db, mine.id))?.serverSeq).toBe(5);
  });
});
