// "Uppföljning": for a kommun of the area and a period, every promised activity with its
// count, target, status and chart, computed on the device; the unsent work of the area;
// and the way to the report for kommunstyrelsen. An officer sees the same cards with the
// server's figures for the kommun (useTallies picks the source), without the unsent work
// and the report, and a figure's drill-down lists only their own entries behind it.
import { kommunName, promisesOf } from '../../../domain/catalogue/lookup.ts';
import { localDate } from '../../../domain/calendar.ts';
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import type { PromiseTally } from '../../../domain/tallies/tally.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href, navigate } from '../../app/router.ts';
import { t } from '../../i18n/index.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { DataAge } from './DataAge.tsx';
import { UnsentPanel } from './UnsentPanel.tsx';
import { defaultPeriodKey, periodOptions, referencePromise, reportKeyFor, resolvePeriod, type ResolvedPeriod } from './periods.ts';
import { canFollowUp, seesWholeArea } from './roles.ts';
import { isUnavailable, useTallies, type TalliesData, type TalliesResult } from './useTallies.ts';

export function Dashboard({ kommunId: asked, period: askedPeriod }: { kommunId?: string; period?: string }) {
  const { user, catalogue, settings } = useAppState();
  const { now } = useServices();
  const today = localDate(now());
  const kommuner = catalogue.kommuner.filter((k) => user.kommunIds.includes(k.id));
  const kommunId = [asked, settings.kommunId, kommuner[0]?.id].find((id) => id && kommuner.some((k) => k.id === id)) ?? null;
  const promise = kommunId ? referencePromise(catalogue, kommunId, today) : null;
  const fallbackKey = defaultPeriodKey(promise, today);
  const period = resolvePeriod(askedPeriod ?? fallbackKey, promise) ?? resolvePeriod(fallbackKey, promise);
  const data = useTallies(kommunId ?? '', kommunId ? period : null, today);
  const fromServer = !seesWholeArea(user);

  if (!canFollowUp(user)) return <p class="notice">{t.followUp.notForRole}</p>;
  if (!kommunId || !period) return <p class="notice">{t.followUp.noPromise}</p>;
  const groups = (['year', 'bucket', 'whole'] as const).map((g) => [g, periodOptions(promisesOf(catalogue, kommunId), promise, today).filter((o) => o.group === g)] as const);
  const reportKey = reportKeyFor(period.key, promise, today);
  return (
    <section aria-labelledby="followup-title" class="dashboard">
      <h1 id="followup-title">{t.followUp.title}</h1>
      {fromServer ? <DataAge server={data && !isUnavailable(data) && data.source.kind === 'server' ? data.source : null} /> : <DataAge />}
      {fromServer && <p class="hint">{t.followUp.fromServer}</p>}
      <nav class="choice-row kommun-switch" aria-label={t.followUp.kommun}>
        {kommuner.map((k) => (
          <a key={k.id} class="button chip" href={href({ name: 'followUp', kommunId: k.id })} aria-current={k.id === kommunId ? 'page' : undefined}>
            {k.name}
          </a>
        ))}
      </nav>
      <div class="field">
        <label for="f-period">{t.followUp.period}</label>
        <select id="f-period" value={period.key} onChange={(e) => navigate({ name: 'followUp', kommunId, period: (e.currentTarget as HTMLSelectElement).value })}>
          {groups.map(([g, options]) =>
            options.length === 0 ? null : (
              <optgroup key={g} label={g === 'bucket' && promise ? t.followUp.periodGroup[promise.reportingPeriod] : t.followUp.periodGroup[g]}>
                {options.map((o) => (
                  <option key={o.key} value={o.key}>{o.label}</option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </div>
      {!fromServer && <UnsentPanel />}
      <h2 class="kommun-heading">{kommunName(catalogue, kommunId)} · {period.label}</h2>
      <Figures data={data} kommunId={kommunId} period={period} />
      {!fromServer && (
        <a class="button report-link" href={href({ name: 'report', kommunId, period: reportKey })}>
          {t.followUp.report} ({resolvePeriod(reportKey, promise)?.label ?? reportKey})
        </a>
      )}
    </section>
  );
}

function Figures({ data, kommunId, period }: { data: TalliesResult; kommunId: string; period: ResolvedPeriod }) {
  const { catalogue } = useAppState();
  if (data === undefined) return <p aria-busy="true">…</p>;
  if (isUnavailable(data)) {
    return <p class="notice">{data.unavailable === 'offline' ? t.followUp.serverNeedsNetwork : t.followUp.serverFailed(data.message ?? '')}</p>;
  }
  if (data === null || data.tallies.promises.length === 0) return <p class="notice">{t.followUp.noPromise}</p>;
  return (
    <>
      {data.source.kind === 'server' && data.source.refreshFailed && <p class="notice">{t.followUp.refreshFailed}</p>}
      {data.tallies.promises.map((pt) => {
        const promise = catalogue.promises.find((p) => p.id === pt.promiseId);
        return promise ? <PromiseFigures key={pt.promiseId} promise={promise} tally={pt} data={data} kommunId={kommunId} period={period} /> : null;
      })}
    </>
  );
}

function PromiseFigures({ promise, tally, data, kommunId, period }: { promise: CitizenPromise; tally: PromiseTally; data: TalliesData; kommunId: string; period: ResolvedPeriod }) {
  const byId = new Map(tally.activities.map((a) => [a.activityId, a]));
  return (
    <section class="promise-tallies" aria-label={promise.title}>
      <h2 class="promise-title">
        {promise.title}
        {promise.example && <span class="badge" title={t.followUp.exampleHelp}>{t.followUp.example}</span>}
      </h2>
      <p class="hint">{t.followUp.periodOf(promise.validFrom, promise.validTo)}</p>
      <ul class="tally-list">
        {promise.activities.map((a) => {
          const at = byId.get(a.id);
          return at ? (
            <li key={a.id}>
              <ActivityCard kommunId={kommunId} promise={promise} activity={a} tally={at} grain={data.tallies.grain} asOf={data.tallies.asOf} period={period} completions={data.completions} ownOnly={data.source.kind === 'server'} />
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
