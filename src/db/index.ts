// The way into the device database. Static imports of it are tree-shaken, so the first
// screens' JavaScript holds only what they use; a dynamic import() of it would keep every
// export. Hence three modules are also imported on their own: open.ts (main.tsx loads the
// database after the lock screen), catalogue.ts (Root's first read) and outbox-push.ts
// (the push's steps, loaded with the sync engine, not re-exported here).
export { FieldLogDb, type EntryHead, type StoredHead, type OutboxItem, type OutboxState, type Draft, type DayTally } from './schema.ts';
export { openRecord, openRecords, sealRevision, type StoredRevision } from './sealed.ts';
export * from './entries.ts';
export * from './day-tallies.ts';
export * from './completions.ts';
export { countQueued, oldestQueuedAt, outboxSummary, listOutbox, outboxByEntry, type QueuedChange } from './outbox.ts';
export { foldReceipts } from './receipts.ts';
export * from './catalogue.ts';
export * from './drafts.ts';
export * from './meta.ts';

export { DB_NAME, getDb } from './open.ts';
export * from './settings.ts';

/** The browser refused a write because the device's storage for the app is full. */
export function isQuotaError(e: unknown): boolean {
  for (let err = e as { name?: string; inner?: unknown } | undefined; err; err = err.inner as typeof err) {
    if (err.name === 'QuotaExceededError') return true;
  }
  return false;
}
