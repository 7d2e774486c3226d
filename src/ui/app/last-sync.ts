// Where the sync engine keeps the time of its last success in the meta table: the value of
// LAST_SYNC_KEY in src/sync/engine.ts. Repeated here rather than imported because the sync
// bar, which is on every screen, reads it: an import would put the whole sync engine back
// into the log screen's first load (scripts/bundle-budget.ts). tests/unit/build/
// initial-imports.test.ts keeps the two equal.
export const LAST_SYNC_KEY = 'lastSyncAt';
