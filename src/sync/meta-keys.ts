// The sync's rows in the device's meta table. Their own module so that the sync bar, on
// every screen, can read the last sync time without importing the sync engine (which
// loads after the first screen: src/ui/app/server-services.ts).
export const CURSOR_KEY = 'pullCursor';
export const LAST_SYNC_KEY = 'lastSyncAt';
