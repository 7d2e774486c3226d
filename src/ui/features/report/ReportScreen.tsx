// The follow-up report for kommunstyrelsen on screen, printable to PDF from the browser
// (print rules in styles.css: no app chrome, A4, black on white, a page per promise) and
// exportable as CSV. Computed on the device, so it can be produced offline too.
import { localDate, parseBucketKey } from '../../../domain/calendar.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href } from '../../app/router.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { formatDateTime } from '../entries/format.ts';
import { useLastSync } from '../tallies/DataAge.tsx';
import { formatLocalDate } from '../tallies/format.ts';
import { resolvePeriod } from '../tallies/periods.ts';
import { isUnavailable, useTallies } from '../tallies/useTallies.ts';
import { t } from '../../i18n/index.ts';
import { buildReport, type ReportModel } from './model.ts';
import { csvFileName, reportCsv } from './csv.ts';
import { ReportPromiseView } from './ReportPromise.tsx';

function downloadCsv(model: ReportModel): void {
  const blob = new Blob([reportCsv(model)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(model);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ReportScreen({ kommunId, period: periodKey }: { kommunId: string; period: string }) {
  const { catalogue } = useAppState();
  const { now } = useServices();
  const online = useOnline();
  const lastSync = useLastSync();
  const today = localDate(now());
  // Only whole buckets or years: the report follows the kommun's own reporting rhythm.
  const period = parseBucketKey(periodKey) ? resolvePeriod(periodKey, null) : null;
  const data = useTallies(kommunId, period, today);
  const back = <a class="link-button no-print" href={href({ name: 'followUp', kommunId })}>← {t.report.back}</a>;
  if (!period) return <section>{back}<p class="error-summary">{t.report.badPeriod}</p></section>;
  if (data === undefined) return <p aria-busy="true">…</p>;
  const model = data && !isUnavailable(data) ? buildReport({ catalogue, tallies: data.tallies, completions: data.completions, periodKey }) : null;
  return (
    <article class="report" aria-labelledby="report-title">
      {back}
      <header class="report-header">
        <h1 id="report-title">{t.report.title(model?.kommunName ?? kommunId)}</h1>
        <p class="report-period">{t.report.period(period.label)}</p>
        {model && <p>{t.report.asOf(formatLocalDate(model.asOf))}</p>}
        <p class="hint">
          {lastSync ? t.report.dataPer(formatDateTime(lastSync)) : t.followUp.dataNever} · {t.report.printed(formatDateTime(new Date(now()).toISOString()))}
        </p>
        {!online && (
          <p class="offline-mark no-print" role="status">
            <span aria-hidden="true">⚠ </span>
            {t.followUp.offline}
          </p>
        )}
      </header>
      <div class="actions no-print">
        <button type="button" class="primary" onClick={() => window.print()}>{t.report.print}</button>
        <button type="button" disabled={!model} onClick={() => model && downloadCsv(model)}>{t.report.csv}</button>
      </div>
      {!model || model.promises.length === 0 ? <p class="notice">{t.report.noPromise}</p> : model.promises.map((p) => <ReportPromiseView key={p.promiseId} promise={p} />)}
    </article>
  );
}
