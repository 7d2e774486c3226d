// The officer's home screen: one large button per loggable activity of the promise in
// force for the chosen kommun, each with its progress this year.
import { activePromise, kommunName, loggableActivities, promisesOf, type LoggableActivity } from '../../../domain/catalogue/lookup.ts';
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import { localDate } from '../../../domain/calendar.ts';
import { progressLabel, progressWindow } from '../../../domain/progress.ts';
import { ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { countLive } from '../../../db/index.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { t } from '../../i18n/index.ts';
import { KommunPicker } from './KommunPicker.tsx';

export function Home() {
  const { catalogue, settings } = useAppState();
  const { now } = useServices();
  if (!settings.kommunId) return <KommunPicker />;
  const today = localDate(now());
  const name = kommunName(catalogue, settings.kommunId);
  const promise = activePromise(catalogue, settings.kommunId, today);
  if (!promise) return <NoActivePromise kommunId={settings.kommunId} name={name} />;
  return <ActivityButtons promise={promise} name={name} today={today} />;
}

function NoActivePromise({ kommunId, name }: { kommunId: string; name: string }) {
  const { catalogue } = useAppState();
  const past = promisesOf(catalogue, kommunId).slice(0, 3);
  return (
    <section class="empty-state" aria-labelledby="no-promise">
      <h1 id="no-promise">{t.home.noActivePromise(name)}</h1>
      <p>{t.home.noActivePromiseHelp}</p>
      <ul>
        {past.map((p) => (
          <li key={p.id}>
            {p.title}: {t.home.period(p.validFrom, p.validTo)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActivityButtons({ promise, name, today }: { promise: CitizenPromise; name: string; today: string }) {
  const { db } = useServices();
  const loggable = loggableActivities(promise);
  const counts = useLive(
    () =>
      Promise.all(
        loggable.map(({ activity, entryKind }) => {
          const { range } = progressWindow(activity, promise, today);
          return countLive(db, activity.id, [entryKind], range.from, range.to);
        }),
      ),
    [promise.id, today, db],
  );
  return (
    <section aria-labelledby="promise-title">
      <h1 id="promise-title" class="promise-title">
        {name} · {promise.title}
        {promise.example && <span class="badge" title={t.home.exampleHelp}>{t.home.example}</span>}
      </h1>
      {promise.example && <p class="hint">{t.home.exampleHelp}</p>}
      {loggable.length === 0 && <p>{t.home.nothingToLog}</p>}
      <ul class="activity-grid">
        {loggable.map((l, i) => (
          <li key={`${l.activity.id}:${l.entryKind}`}>
            <ActivityButton item={l} label={counts ? label(l, promise, today, counts[i] ?? 0) : '…'} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function label({ activity }: LoggableActivity, promise: CitizenPromise, today: string, count: number): string {
  return progressLabel(activity, count, progressWindow(activity, promise, today).scope);
}

function ActivityButton({ item, label: progress }: { item: LoggableActivity; label: string }) {
  const kindLabel = ENTRY_KIND_LABEL[item.entryKind];
  const title = item.activity.entryKinds.length > 1 ? kindLabel : item.activity.title;
  return (
    <a class="activity-button" href={href({ name: 'log', activityId: item.activity.id, kind: item.entryKind })}>
      <span class="activity-title">{title}</span>
      <span class="activity-progress">{progress}</span>
    </a>
  );
}
