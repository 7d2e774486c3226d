// The editor's values, written to the device's drafts on every change: a dropped network,
// a reload or leaving the screen never loses what the coordinator typed. `restored`
// says the values came from the device rather than from the server's copy.
import { useEffect, useState } from 'preact/hooks';
import { clearDraft, loadDraft, saveDraft } from '../../../db/index.ts';
import { useServices } from '../../app/context.ts';

export interface EditDraft<T> {
  value: T | undefined;
  restored: boolean;
  set: (next: T) => void;
  /** Forget the device's copy and start again from `initial`. */
  reset: () => Promise<void>;
  clear: () => Promise<void>;
}

export function useEditDraft<T>(key: string, initial: () => T): EditDraft<T> {
  const { db, now } = useServices();
  const [value, setValue] = useState<T | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let live = true;
    void loadDraft<T>(db, key).then((stored) => {
      if (!live) return;
      setRestored(stored !== undefined);
      setValue(stored ?? initial());
    });
    return () => {
      live = false;
    };
  }, [db, key]);
  return {
    value,
    restored,
    set: (next) => {
      setValue(next);
      void saveDraft(db, key, next, now());
    },
    reset: async () => {
      await clearDraft(db, key);
      setRestored(false);
      setValue(initial());
    },
    clear: () => clearDraft(db, key),
  };
}
