// The app's database. Loaded on its own (main.tsx), not through index.ts: a dynamic
// import of the index would keep every export of the database layer in the first
// screens' JavaScript, used or not; static imports of the index are tree-shaken.
import { FieldLogDb } from './schema.ts';

export const DB_NAME = 'medborgarlofte';

let shared: FieldLogDb | null = null;

/** The app's database, opened once. */
export function getDb(): FieldLogDb {
  shared ??= new FieldLogDb(DB_NAME);
  return shared;
}
