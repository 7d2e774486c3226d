// Schema versions of the device database, in order. Never edit a shipped version: add one.
// Each app update may carry a new version; Dexie upgrades in place, keeping every
// entry, revision, outbox item and draft (tests/unit/db/migrations.test.ts).
import type Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import { localDate } from '../domain/calendar.ts';
import { applyDayDeltas, newDayDeltas, trackHeadChange } from './day-tallies.ts';
import type { DayTally, DayTallyKey, EntryHead } from './schema.ts';

export const SCHEMA_VERSIONS = [
  {
    version: 1,
    // Every revision; the head of each entry for lists and counts; the outbox in push
    // order; the catalogue; form drafts; small metadata (sync cursor, catalogue ETag).
    stores: {
      revisions: '[id+rev], id',
      entries: 'id, content.startedAt, [tallyKey+content.startedAt], officerId',
      outbox: '++seq, &[id+rev], id, state',
      promises: 'id, kommunId',
      drafts: 'key',
      meta: 'key',
    },
  },
  {
    version: 2,
    // Tallies per kommun and quarter/tertial read heads by kommun and Stockholm day:
    // store the day on each head (computed once, not per tally) and index it.
    stores: {
      entries: 'id, content.startedAt, [tallyKey+content.startedAt], officerId, [content.kommunId+localDay]',
    },
    upgrade: async (tx: Transaction) => {
      await tx
        .table('entries')
        .toCollection()
        .modify((head: { content: { startedAt: string }; localDay?: string }) => {
          head.localDay = localDate(head.content.startedAt);
        });
    },
  },
  {
    version: 3,
    // Per kommun, Stockholm day, activity and kind: how many heads count and their
    // outcome sums, kept in step with the heads (day-tallies.ts), so the shift lead's
    // tallies fold a few thousand rows rather than every entry.
    stores: {
      dayTallies: '[kommunId+day+activityId+kind]',
    },
    upgrade: async (tx: Transaction) => {
      // The backfill uses the same contribution rule as every later write. If that rule
      // ever changes, a new version must rebuild the rows; this one is not edited.
      const deltas = newDayDeltas();
      await tx.table('entries').each((head: EntryHead) => {
        trackHeadChange(deltas, undefined, head);
      });
      await applyDayDeltas(tx.table('dayTallies') as Table<DayTally, DayTallyKey>, deltas);
    },
  },
  {
    version: 4,
    // Entry contents and drafts are sealed from here on (sealed.ts); no index changes.
    // The version exists so that an older app, which would take sealed records for
    // entries without a place or counts and push them, refuses to open the database
    // instead. The plaintext an upgraded device still holds cannot be sealed here (the
    // key exists only once the PIN is set): sealLegacyRecords (legacy.ts) does it then.
    stores: {},
  },
  {
    version: 5,
    // The server's receipts, one row per answered push, folded into the revisions and
    // heads after the pull instead of stamping each record while the push waits (receipts.ts).
    stores: {
      receipts: '++n',
    },
  },
] as const;

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/** Declare the versions up to `upTo` (all by default; tests open older ones to test upgrades). */
export function applyMigrations(db: Dexie, upTo: number = LATEST_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const version = db.version(v.version).stores(v.stores);
    if ('upgrade' in v) version.upgrade(v.upgrade);
  }
}
