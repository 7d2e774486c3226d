// Schema versions of the device database. Never edit a shipped version: add one.
import type Dexie from 'dexie';

export function applyMigrations(db: Dexie): void {
  // v1: every revision; the head of each entry for lists and counts; the outbox in
  // push order; the catalogue; form drafts; small metadata (sync cursor, catalogue ETag).
  db.version(1).stores({
    revisions: '[id+rev], id',
    entries: 'id, content.startedAt, [tallyKey+content.startedAt], officerId',
    outbox: '++seq, &[id+rev], id, state',
    promises: 'id, kommunId',
    drafts: 'key',
    meta: 'key',
  });
}
