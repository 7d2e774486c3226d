// Logging a new entry of an activity: defaults (now, last place, zero counts), save to
// the device, confirm with an undo, back to the home screen.
import { findActivity, findPromise } from '../../../domain/catalogue/lookup.ts';
import { ENTRY_KINDS, type EntryKind } from '../../../domain/catalogue/types.ts';
import { defaultDetails, ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { recentPlaces, saveEntry, voidEntry } from '../../../db/index.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href, navigate } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useToast } from '../../components/Toast.tsx';
import { afterWrite } from '../../app/afterWrite.ts';
import { t } from '../../i18n/index.ts';
import { EntryForm } from './EntryForm.tsx';
import type { FormState } from './formModel.ts';

export function LogScreen({ activityId, kind }: { activityId: string; kind: string }) {
  const { catalogue, user } = useAppState();
  const { db, now, deviceId, sync } = useServices();
  const toast = useToast();
  const activity = findActivity(catalogue, activityId);
  const promise = activity && findPromise(catalogue, activity.promiseId);
  const places = useLive(() => recentPlaces(db, activityId, kind), [db, activityId, kind]);
  if (!activity || !promise || !ENTRY_KINDS.includes(kind as EntryKind) || !activity.entryKinds.includes(kind as EntryKind)) {
    return (
      <p>
        {t.form.unknownActivity} <a href={href({ name: 'home' })}>{t.nav.log}</a>
      </p>
    );
  }
  if (places === undefined) return <p aria-busy="true">…</p>;
  const entryKind = kind as EntryKind;
  const initial: FormState = {
    kind: entryKind,
    kommunId: promise.kommunId,
    promiseId: promise.id,
    activityId,
    startedAt: null,
    durationMinutes: null,
    place: places[0] ?? '',
    note: '',
    details: { ...defaultDetails(entryKind, activity) },
  };
  const ctx = { officerId: user.id, deviceId, now };
  return (
    <EntryForm
      title={activity.entryKinds.length > 1 ? ENTRY_KIND_LABEL[entryKind] : activity.title}
      subtitle={activity.text}
      draftKey={`new:${activityId}:${kind}`}
      initial={initial}
      placeSuggestions={places}
      saveLabel={t.form.save}
      onClose={() => navigate({ name: 'home' })}
      onSave={async (content) => {
        const saved = await saveEntry(db, content, ctx);
        navigate({ name: 'home' });
        toast({
          text: t.toast.saved,
          action: {
            label: t.toast.undo,
            run: async () => {
              await voidEntry(db, saved.id, t.toast.undoReason, ctx);
              toast({ text: t.toast.undone });
            },
          },
        });
        afterWrite(sync);
      }}
    />
  );
}
