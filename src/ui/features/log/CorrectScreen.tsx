// Correcting an entry: the same form, prefilled; saving makes a new revision.
import { findActivity } from '../../../domain/catalogue/lookup.ts';
import { ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { correctEntry, getEntry, recentPlaces } from '../../../db/index.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { navigate } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useToast } from '../../components/Toast.tsx';
import { afterWrite } from '../../app/afterWrite.ts';
import { t } from '../../i18n/index.ts';
import { EntryForm } from './EntryForm.tsx';
import { fromContent } from './formModel.ts';

export function CorrectScreen({ id }: { id: string }) {
  const { catalogue, user } = useAppState();
  const { db, now, deviceId, sync } = useServices();
  const toast = useToast();
  const data = useLive(async () => {
    const head = await getEntry(db, id);
    return { head, places: head ? await recentPlaces(db, head.content.activityId, head.content.kind) : [] };
  }, [db, id]);
  if (!data) return <p aria-busy="true">…</p>;
  const { head, places } = data;
  if (!head || head.op === 'void' || head.officerId !== user.id) return <p>{t.entries.notFound}</p>;
  const activity = findActivity(catalogue, head.content.activityId);
  return (
    <EntryForm
      title={`${t.form.correcting}: ${activity && activity.entryKinds.length === 1 ? activity.title : ENTRY_KIND_LABEL[head.content.kind]}`}
      draftKey={`edit:${id}`}
      initial={fromContent(head.content)}
      placeSuggestions={places}
      saveLabel={t.form.saveCorrection}
      onClose={() => navigate({ name: 'entry', id })}
      onSave={async (content) => {
        await correctEntry(db, id, content, { officerId: user.id, deviceId, now });
        navigate({ name: 'entry', id });
        toast({ text: t.toast.corrected });
        afterWrite(sync);
      }}
    />
  );
}
