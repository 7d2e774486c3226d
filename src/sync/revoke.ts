// A device an admin has revoked: it keeps pushing until nothing of the officer's work is
// left in the outbox, and only then wipes itself (the database, the session, the
// settings). Queued and sending items are pushed by the sync; rejected ones wait until
// the officer corrects or withdraws them. Nothing is ever dropped to make a wipe happen.
// The same wipe serves the PIN rules and logout (src/security): see WipeHow.
import Dexie from 'dexie';
import { createStore, delMany, keys, set } from 'idb-keyval';
import { FieldLogDb, getMeta, listOutbox, setMeta } from '../db/index.ts';
import { dropDataKey } from '../crypto/keystore.ts';
import { WIPED_KEY } from './wipe-marker.ts';

export { forgetWipe, wipedAt } from './wipe-marker.ts';

const REVOKED_KEY = 'deviceRevokedAt';

/** What a wipe leaves behind. */
export interface WipeHow {
  /** idb-keyval keys that survive (the device id, unless the device starts over as a new one). */
  keep: readonly string[];
  /** Set after the wipe, so the app can say why it is empty, also after a reload. */
  marker: string | null;
  /** Open the (now empty) database again, for an app that goes on to a login without a reload. */
  reopen: boolean;
}

/** A revoked device starts over as a new one: nothing is kept, not even its id. */
export const REVOKED_WIPE: WipeHow = { keep: [], marker: WIPED_KEY, reopen: false };

export async function markRevoked(db: FieldLogDb, nowMs: number): Promise<void> {
  if (!(await getMeta<string>(db, REVOKED_KEY))) await setMeta(db, REVOKED_KEY, new Date(nowMs).toISOString());
}

export async function revokedAt(db: FieldLogDb): Promise<string | null> {
  return (await getMeta<string>(db, REVOKED_KEY)) ?? null;
}

export type WipeOutcome = { wiped: true } | { wiped: false; waiting: number; rejected: number };

async function outboxCounts(db: FieldLogDb): Promise<{ waiting: number; rejected: number }> {
  // As the queue stands: items acknowledged and not folded yet are not waiting (outbox.ts).
  const items = await listOutbox(db);
  const rejected = items.filter((i) => i.state === 'rejected').length;
  return { waiting: items.length - rejected, rejected };
}

/**
 * Wipe the device if its outbox is empty; otherwise say what still waits. The count is
 * taken again on a fresh connection after the app's own is closed, so an entry saved at
 * that moment either is counted (no wipe) or fails visibly on the closed connection.
 */
export async function wipeIfDelivered(db: FieldLogDb, nowMs: number, how: WipeHow = REVOKED_WIPE): Promise<WipeOutcome> {
  const first = await outboxCounts(db);
  if (first.waiting + first.rejected > 0) return { wiped: false, ...first };
  db.close();
  let again: { waiting: number; rejected: number };
  try {
    const check = new FieldLogDb(db.name);
    await check.open();
    try {
      again = await outboxCounts(check);
    } finally {
      check.close();
    }
  } catch (e) {
    // Dexie does not reopen a closed database by itself: without this every later save would fail.
    await db.open();
    throw e;
  }
  if (again.waiting + again.rejected > 0) {
    await db.open();
    return { wiped: false, ...again };
  }
  await wipeNow(db, nowMs, how);
  return { wiped: true };
}

/**
 * Delete the app's database and its idb-keyval entries (but `how.keep`), and drop the
 * data key. Unconditional: callers decide that nothing waits, or that the officer has
 * agreed to lose it. Cache Storage is left alone: it holds only the precached app shell
 * (no API response is ever cached: sw/sw.ts, checked in tests/e2e/offline.spec.ts).
 */
export async function wipeNow(db: FieldLogDb, nowMs: number, how: WipeHow): Promise<void> {
  dropDataKey();
  db.close();
  await Dexie.delete(db.name);
  // A fresh connection: a logout's Clear-Site-Data may already have closed the cached one.
  const store = createStore('keyval-store', 'keyval');
  await delMany((await keys(store)).filter((k) => !how.keep.includes(String(k))), store);
  if (how.marker) await set(how.marker, new Date(nowMs).toISOString(), store);
  if (how.reopen) await db.open();
}
