// What the log screen's first load repeats instead of importing (to keep the sync engine
// out of it) must stay equal to the original.
import { describe, expect, it } from 'vitest';
import { LAST_SYNC_KEY as engineKey } from '../../../src/sync/engine.ts';
import { LAST_SYNC_KEY as syncBarKey } from '../../../src/ui/app/last-sync.ts';

describe('the sync bar', () => {
  it('reads the last sync time under the key the sync engine writes it to', () => {
    expect(syncBarKey).toBe(engineKey);
  });
});
