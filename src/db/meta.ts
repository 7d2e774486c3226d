// Small values that must change in the same transactions as the data (sync cursor).
import type { FieldLogDb } from './schema.ts';

export async function getMeta<T>(db: FieldLogDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: FieldLogDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
