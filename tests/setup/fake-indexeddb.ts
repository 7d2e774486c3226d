// Every test file gets a fresh in-memory IndexedDB (fake-indexeddb) as the global one.
import 'fake-indexeddb/auto';
