// "Skiftet klart": before handing in the phone, does every entry have a server receipt?
// If not, which ones wait and why.
import { countDrafts, getEntry, getMeta, listOutbox, type EntryHead, type OutboxItem } from '../../../db/index.ts';
import { ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { LAST_SYNC_KEY } from '../../../sync/meta-keys.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { formatDateTime } from '../entries/format.ts';
import { t } from '../../i18n/index.ts';

interface Waiting {
  item: OutboxItem;
  head: EntryHead | undefined;
}

export function ShiftEnd() {
  const { db, sync } = useServices();
  const { user } = useAppState();
  const data = useLive(async () => {
    // In the state shown: an item of a push in flight is 'sending' (db/outbox.ts).
    const items = await listOutbox(db);
    const waiting: Waiting[] = await Promise.all(items.map(async (item) => ({ item, head: await getEntry(db, item.id) })));
    return { waiting, drafts: await countDrafts(db), last: await getMeta<string>(db, LAST_SYNC_KEY) };
  }, [db]);
  if (!data) return <p aria-busy="true">…</p>;
  const { waiting, drafts, last } = data;
  return (
    <section aria-labelledby="shift-title">
      <h1 id="shift-title">{t.shift.title}</h1>
      {waiting.length === 0 ? (
        <p class="notice ok-notice">{t.shift.allReceipted}</p>
      ) : (
        <>
          <p class="error-summary">{t.shift.waiting(waiting.length)}</p>
          <ul class="entry-list">
            {waiting.map(({ item, head }) => (
              <li key={item.seq}>
                <a class="entry-row" href={href({ name: 'entry', id: item.id })}>
                  <span class="entry-kind">{head ? ENTRY_KIND_LABEL[head.content.kind] : item.id}</span>
                  <span class="entry-meta">{head ? `${formatDateTime(head.content.startedAt)} · ${head.content.place}` : ''}</span>
                  <span class={`sync-state sync-${item.state === 'rejected' ? 'needs_action' : 'local'}`}>
                    {item.officerId !== user.id ? t.shift.why.otherOfficer : t.shift.why[item.state === 'rejected' ? 'rejected' : item.state === 'sending' ? 'sending' : 'queued']}
                  </span>
                  {item.errors?.map((e) => (
                    <span class="error" key={e.field + e.message}>{e.message}</span>
                  ))}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {drafts > 0 && <p class="notice">{t.shift.drafts(drafts)}</p>}
      <p class="hint">{last ? t.sync.last(formatDateTime(last)) : t.sync.never}</p>
      <button type="button" class="primary big" disabled={!sync} onClick={() => void sync?.trigger()}>
        {t.sync.now}
      </button>
    </section>
  );
}
