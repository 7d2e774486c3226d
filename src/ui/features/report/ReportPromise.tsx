// One promise of the report: its title and period, each commitment verbatim with its
// activities, then the activities tied to no single commitment.
import { t } from '../../i18n/index.ts';
import { STATUS_SYMBOL, formatLocalDate, formatNumber } from '../tallies/format.ts';
import type { ReportActivity, ReportPromise, ReportSection } from './model.ts';

function Activity({ a }: { a: ReportActivity }) {
  const r = t.report;
  return (
    <div class="report-activity">
      <h4>
        {a.title} <span class="report-owner">({a.ownerLabel})</span>
      </h4>
      <p class="report-text">”{a.text}”</p>
      <dl class="report-figures">
        <dt>{r.target}</dt>
        <dd>{a.targetLabel}</dd>
        <dt>{r.inPeriod}</dt>
        <dd>{a.countInPeriod}</dd>
        <dt>{a.toDate.target === null ? r.toDateNoTarget : r.toDate}</dt>
        <dd>
          {a.toDate.target === null
            ? a.toDate.count
            : `${t.followUp.progress(a.toDate.count, a.toDate.target, a.toDate.windowLabel)} (${t.followUp.expected(formatNumber(a.toDate.expected ?? 0))})`}
        </dd>
        {a.status && (
          <>
            <dt>{r.status}</dt>
            <dd>
              <span class={`status-chip status-${a.status}`}>
                <span aria-hidden="true">{STATUS_SYMBOL[a.status]}</span>
                {a.statusLabel}
              </span>
            </dd>
          </>
        )}
        {a.outcomes.length > 0 && (
          <>
            <dt>{r.outcome}</dt>
            <dd>{a.outcomes.join(', ')}</dd>
          </>
        )}
        {a.markedDone && (
          <>
            <dt>{r.completions}</dt>
            <dd>
              {a.completions.length === 0 ? (
                r.noCompletions
              ) : (
                <ul class="report-completions">
                  {a.completions.map((c, i) => (
                    <li key={i}>
                      {formatLocalDate(c.doneOn)}
                      {c.note && ` – ${c.note}`}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

function Section({ s }: { s: ReportSection }) {
  return (
    <section class="report-section">
      {s.commitmentNumber === null ? (
        <h3>{t.report.otherActivities}</h3>
      ) : (
        <>
          <h3>{t.report.commitment(s.commitmentNumber)}</h3>
          <blockquote class="report-commitment">{s.commitmentText}</blockquote>
        </>
      )}
      {s.activities.length === 0 ? <p class="hint">{t.report.noActivities}</p> : s.activities.map((a) => <Activity key={a.activityId} a={a} />)}
    </section>
  );
}

export function ReportPromiseView({ promise }: { promise: ReportPromise }) {
  return (
    <section class="report-promise" aria-label={promise.title}>
      <h2 class="promise-title">
        {promise.title}
        {promise.example && <span class="badge">{t.followUp.example}</span>}
      </h2>
      {promise.example && <p class="report-example">{t.report.exampleWarning}</p>}
      <p>
        {t.report.promisePeriod(formatLocalDate(promise.validFrom), formatLocalDate(promise.validTo))}
        {promise.signedOn && ` · ${t.report.signed(formatLocalDate(promise.signedOn))}`}
      </p>
      {promise.sections.map((s) => (
        <Section key={s.commitmentNumber ?? 'other'} s={s} />
      ))}
    </section>
  );
}
