// Half-filled forms, kept until saved or discarded so that closing a form (or the app
// dying, or an update) never loses what the officer typed.
import type { FieldLogDb } from './schema.ts';

export async function saveDraft(db: FieldLogDb, key: string, value: unknown, now: number): Promise<void> {
  await db.drafts.put({ key, value, savedAt: new Date(now).toISOString() });
}

export async function loadDraft<T>(db: FieldLogDb, key: string): Promise<T | undefined> {
  return (await db.drafts.get(key))?.value as T | undefined;
}

export async function clearDraft(db: FieldLogDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

export function countDrafts(db: FieldLogDb): Promise<number> {
  return db.drafts.count();
}
