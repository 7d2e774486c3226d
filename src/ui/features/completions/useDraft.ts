// A small form's values kept as a draft in IndexedDB while it is open, so that a refusal
// offline, a reload or leaving the screen never loses what the coordinator typed.
import { useEffect, useState } from 'preact/hooks';
import { clearDraft, loadDraft, saveDraft } from '../../../db/index.ts';
import { useServices } from '../../app/context.ts';

export function useDraft<T extends object>(key: string, initial: () => T): [T | undefined, (value: T) => void, () => Promise<void>] {
  const { db, now } = useServices();
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadDraft<T>(db, key).then((stored) => live && setValue((v) => v ?? { ...initial(), ...stored }));
    return () => {
      live = false;
    };
  }, [db, key]);
  const update = (next: T) => {
    setValue(next);
    void saveDraft(db, key, next, now());
  };
  return [value, update, () => clearDraft(db, key)];
}

/** Whether a draft exists, for opening its form again on return. */
export async function hasDraft(db: Parameters<typeof loadDraft>[0], key: string): Promise<boolean> {
  return (await loadDraft(db, key)) !== undefined;
}
