// Every test file gets a fresh in-memory IndexedDB (fake-indexeddb) as the global one.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { setDataKey } from '../../src/crypto/keystore.ts';

// jsdom (the UI tests) puts its own realm's ArrayBuffer and Uint8Array on the global,
// while WebCrypto and IndexedDB's structured clone (Node's) make Node's; a browser has one
// realm. Dexie's live-query cache clones by constructor identity and would turn a sealed
// value's bytes into empty look-alikes, so the global gets Node's constructors back.
for (const sample of [new ArrayBuffer(0), new Uint8Array(0)]) {
  const nodeCtor = (structuredClone(sample) as object).constructor as { name: string };
  if ((globalThis as Record<string, unknown>)[nodeCtor.name] !== nodeCtor) (globalThis as Record<string, unknown>)[nodeCtor.name] = nodeCtor;
}

// The app as an officer uses it: unlocked, so the db modules seal and open with a real
// AES-GCM key (tests of the lock itself drop it: tests/unit/security).
const testKey = crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
beforeEach(async () => setDataKey(await testKey));

afterEach(() => cleanup());
