// The officer's own entries, newest first, each with where it stands on its way to the server.
import { listEntries, outboxByEntry } from '../../../db/index.ts';
import { findActivity } from '../../../domain/catalogue/lookup.ts';
import { ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { t } from '../../i18n/index.ts';
import { formatDateTime } from './format.ts';
import { entrySyncState, rejectionReasons, SYNC_STATE_LABEL } from './syncState.ts';

export function EntryList() {
  const { db } = useServices();
  const { user, catalogue } = useAppState();
  const data = useLive(async () => ({ entries: await listEntries(db, user.id), outbox: await outboxByEntry(db) }), [db, user.id]);
  if (!data) return <p aria-busy="true">…</p>;
  return (
    <section aria-labelledby="entries-title">
      <h1 id="entries-title">{t.entries.title}</h1>
      {data.entries.length === 0 && <p>{t.entries.empty}</p>}
      <ul class="entry-list">
        {data.entries.map((e) => {
          const state = entrySyncState(e, data.outbox.get(e.id));
          const reasons = rejectionReasons(data.outbox.get(e.id));
          const activity = findActivity(catalogue, e.content.activityId);
          return (
            <li key={e.id} class={e.op === 'void' ? 'voided' : ''}>
              <a href={href({ name: 'entry', id: e.id })} class="entry-row">
                <span class="entry-kind">
                  {ENTRY_KIND_LABEL[e.content.kind]}
                  {activity && activity.entryKinds.length === 1 && activity.title !== ENTRY_KIND_LABEL[e.content.kind] ? ` · ${activity.title}` : ''}
                </span>
                <span class="entry-meta">
                  {formatDateTime(e.content.startedAt)} · {e.content.place}
                </span>
                <span class={`sync-state sync-${state}`}>
                  {e.op === 'void' ? `${t.entries.withdrawn} · ` : ''}
                  {SYNC_STATE_LABEL[state]}
                </span>
                {reasons.length > 0 && <span class="error">{reasons.join(' ')}</span>}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
