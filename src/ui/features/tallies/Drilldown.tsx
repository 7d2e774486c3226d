// The entries behind a figure: every live entry of an activity in a kommun between two
// days, newest first, each opening the entry's own screen (read-only unless it is yours).
// An officer's device holds only their own entries (another officer's queued work on a
// shared phone aside), while their figures are the server's for the whole kommun: so for
// them the list is filtered to their own entries, with a note saying so.
import { entriesBehind } from '../../../db/tally-queries.ts';
import { findActivity, kommunName } from '../../../domain/catalogue/lookup.ts';
import { ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { formatDateTime } from '../entries/format.ts';
import { t } from '../../i18n/index.ts';
import { DataAge } from './DataAge.tsx';
import { seesWholeArea } from './roles.ts';
import { formatLocalDate } from './format.ts';

export function Drilldown({ kommunId, activityId, from, to }: { kommunId: string; activityId: string; from: string; to: string }) {
  const { db } = useServices();
  const { catalogue, user } = useAppState();
  const activity = findActivity(catalogue, activityId);
  const ownOnly = !seesWholeArea(user);
  const entries = useLive(async () => {
    const all = await entriesBehind(db, { kommunId, activityId, from, to });
    return ownOnly ? all.filter((e) => e.officerId === user.id) : all;
  }, [db, kommunId, activityId, from, to, ownOnly, user.id]);
  const title = activity?.title ?? activityId;
  return (
    <section aria-labelledby="drill-title">
      <a class="link-button" href={href({ name: 'followUp', kommunId })}>← {t.drill.back}</a>
      <h1 id="drill-title">{t.drill.title(title)}</h1>
      <p class="subtitle">
        {kommunName(catalogue, kommunId)} · {t.drill.range(formatLocalDate(from), formatLocalDate(to))}
      </p>
      <DataAge />
      {ownOnly && <p class="notice">{t.drill.ownOnly}</p>}
      {entries === undefined ? (
        <p aria-busy="true">…</p>
      ) : entries.length === 0 ? (
        <p class="empty-state">{t.drill.empty}</p>
      ) : (
        <>
          <p class="hint">{t.drill.count(entries.length)}</p>
          <ul class="entry-list">
            {entries.map((e) => {
              const own = e.officerId === user.id;
              return (
                <li key={e.id}>
                  <a class="entry-row" href={href({ name: 'entry', id: e.id })}>
                    <span class="entry-kind">{ENTRY_KIND_LABEL[e.content.kind]}</span>
                    <span class="entry-meta">
                      {formatDateTime(e.content.startedAt)} · {e.content.place}
                    </span>
                    <span class="entry-meta">{own ? t.drill.own : t.drill.readOnly}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
