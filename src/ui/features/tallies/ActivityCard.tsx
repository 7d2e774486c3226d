// One promised activity on the dashboard: count in the chosen period (tap for the entries
// behind it), the target as written, the status in words, the outcome sums and a chart.
import type { Activity, CitizenPromise } from '../../../domain/catalogue/types.ts';
import type { LocalDate } from '../../../domain/calendar.ts';
import type { Grain } from '../../../domain/tallies/plan.ts';
import { RANGE_CELL, type ActivityTally, type TargetProgress } from '../../../domain/tallies/tally.ts';
import type { ActivityCompletion } from '../../../domain/tallies/completions.ts';
import { href } from '../../app/router.ts';
import { t } from '../../i18n/index.ts';
import { BarChart } from './BarChart.tsx';
import { chartBars, pacePerBucket } from './chart.ts';
import { formatNumber, isMarkedDone, ownerLabel, progressText, STATUS_SYMBOL, statusLabel, targetLabel } from './format.ts';
import { outcomePhrases } from './outcomes.ts';
import type { ResolvedPeriod } from './periods.ts';
import { Completions } from '../completions/Completions.tsx';

interface Props {
  kommunId: string;
  promise: CitizenPromise;
  activity: Activity;
  tally: ActivityTally;
  grain: Grain;
  asOf: LocalDate;
  period: ResolvedPeriod;
  completions: readonly ActivityCompletion[];
  /**
   * The figures are the server's for the whole kommun, but the device holds only the user's
   * own entries (an officer): the drill-down is kept and lists those, and says so.
   */
  ownOnly?: boolean;
}

export function StatusChip({ progress }: { progress: TargetProgress }) {
  return (
    <span class={`status-chip status-${progress.status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[progress.status]}</span>
      {statusLabel(progress.status)}
    </span>
  );
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function ActivityCard({ kommunId, promise, activity, tally, grain, asOf, period, completions, ownOnly = false }: Props) {
  const range = tally.cells[RANGE_CELL] ?? { count: 0, sums: {} };
  const progress = tally.target;
  const markedDone = isMarkedDone(activity);
  const inPeriod = t.followUp.countIn(lower(period.label));
  const headingId = `act-${activity.id}`;
  const drill = (from: string, to: string) => href({ name: 'drill', kommunId, activityId: activity.id, from, to });
  const outcomes = markedDone ? [] : outcomePhrases(activity, range.sums);
  return (
    <article class="tally-card" aria-labelledby={headingId}>
      <header class="tally-head">
        <h3 id={headingId}>{activity.title}</h3>
        {progress && <StatusChip progress={progress} />}
      </header>
      <p class="tally-meta">
        {ownerLabel(activity.owner)} · {t.followUp.target}: {targetLabel(activity.target)}
      </p>
      {markedDone ? (
        <p class="tally-figure">
          <strong>{range.count}</strong> {inPeriod}
        </p>
      ) : (
        <a class="tally-figure tally-link" href={drill(period.from, period.to)} aria-label={ownOnly ? t.followUp.showOwnEntries(range.count, inPeriod) : t.followUp.showEntries(range.count, inPeriod)}>
          <strong>{range.count}</strong> {inPeriod}
        </a>
      )}
      {progress && (
        <p class="tally-progress">
          {markedDone ? progressText(progress) : <a href={drill(progress.window.from, progress.window.to < asOf ? progress.window.to : asOf)}>{progressText(progress)}</a>}
          {' · '}
          {t.followUp.expected(formatNumber(progress.expected))}
        </p>
      )}
      {outcomes.length > 0 && <p class="tally-outcomes">{outcomes.join(', ')}</p>}
      <BarChart bars={chartBars(promise, tally, grain, asOf)} pace={pacePerBucket(activity, promise, grain)} grain={grain} />
      {markedDone && <Completions activity={activity} promise={promise} completions={completions} from={period.from} to={period.to} />}
    </article>
  );
}
