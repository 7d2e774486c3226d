// After the server accepts a mark or a withdrawal, the device's copy of the completions
// gets the returned record at once, so the dashboard and the report count it without
// waiting for the next sync.
import { loadCompletions, saveCompletions, type FieldLogDb } from '../../../db/index.ts';
import type { ActivityCompletion } from '../../../domain/tallies/completions.ts';

export async function mergeCompletion(db: FieldLogDb, completion: ActivityCompletion): Promise<void> {
  const stored = await loadCompletions(db);
  const others = (stored?.completions ?? []).filter((c) => c.id !== completion.id);
  // The ETag no longer describes what is stored: drop it so the next sync fetches the whole list.
  await saveCompletions(db, [...others, completion], null);
}
