// The device's copy of the coordinators' completions ("done" with a date) for the
// user's area, replaced whole when the server's ETag changes, like the catalogue.
import type { ActivityCompletion } from '../domain/tallies/completions.ts';
import type { FieldLogDb } from './schema.ts';

const META_KEY = 'completions';

interface CompletionsMeta {
  completions: ActivityCompletion[];
  etag: string | null;
}

export async function saveCompletions(db: FieldLogDb, completions: ActivityCompletion[], etag: string | null): Promise<void> {
  const value: CompletionsMeta = { completions, etag };
  await db.meta.put({ key: META_KEY, value });
}

export async function loadCompletions(db: FieldLogDb): Promise<{ completions: ActivityCompletion[]; etag: string | null } | null> {
  const row = await db.meta.get(META_KEY);
  if (!row) return null;
  const { completions, etag } = row.value as CompletionsMeta;
  return { completions, etag };
}
