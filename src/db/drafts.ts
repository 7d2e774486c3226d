// Half-filled forms, kept until saved or discarded so that closing a form (or the app
// dying, or an update) never loses what the officer typed. Sealed like the entries: a
// half-written note is as sensitive as a saved one. Each seal is bound to its draft key.
import { open, seal } from '../crypto/seal.ts';
import { requireDataKey } from '../crypto/keystore.ts';
import type { FieldLogDb } from './schema.ts';

export const draftAad = (key: string): string => `draft:${key}`;

/**
 * The latest write asked for, per draft key. Seals finish in any order (WebCrypto runs
 * them off the main thread), so a write goes to disk only if no later save or clear of
 * the same draft was asked for meanwhile: an older state never overwrites a newer one,
 * and a form cleared after saving its entry does not come back as a draft.
 */
const latest = new Map<string, number>();
let writes = 0;

export async function saveDraft(db: FieldLogDb, key: string, value: unknown, now: number): Promise<void> {
  const mine = ++writes;
  latest.set(key, mine);
  const sealed = await seal(requireDataKey(), value, draftAad(key));
  if (latest.get(key) !== mine) return;
  await db.drafts.put({ key, sealed, savedAt: new Date(now).toISOString() });
}

export async function loadDraft<T>(db: FieldLogDb, key: string): Promise<T | undefined> {
  const row = await db.drafts.get(key);
  return row ? open<T>(requireDataKey(), row.sealed, draftAad(key), 'Utkastet') : undefined;
}

export async function clearDraft(db: FieldLogDb, key: string): Promise<void> {
  latest.set(key, ++writes);
  await db.drafts.delete(key);
}

export function countDrafts(db: FieldLogDb): Promise<number> {
  return db.drafts.count();
}
