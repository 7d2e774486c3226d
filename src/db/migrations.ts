// Schema versions of the device database, in order. Never edit a shipped version: add one.
// Each app update may carry a new version; Dexie upgrades in place, keeping every
// entry, revision, outbox item and draft (tests/unit/db/migrations.test.ts).
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { localDate } from '../domain/calendar.ts';

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
