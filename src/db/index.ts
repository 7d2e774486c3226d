// The only way into the device database, but for outbox-push.ts: the push's steps,
// imported by the sync engine alone so that they load with it, not with the first screen.
import { FieldLogDb } from './schema.ts';

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

export const DB_NAME = 'medborgarlofte';

let shared: FieldLogDb | null = null;

/** The app's database, opened once. */
export function getDb(): FieldLogDb {
  shared ??= new FieldLogDb(DB_NAME);
  return shared;
}
export * from './settings.ts';

/** The browser refused a write because the device's storage for the app is full. */
export function isQuotaError(e: unknown): boolean {
  for (let err = e as { name?: string; inner?: unknown } | undefined; err; err = err.inner as typeof err) {
    if (err.name === 'QuotaExceededError') return true;
  }
  return false;
}
