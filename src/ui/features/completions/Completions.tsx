// The completions of a kommun-owned or joint activity in the chosen period, with
// "Markera som genomförd" and "Återkalla" for coordinators.
import { useEffect, useState } from 'preact/hooks';
import type { Activity, CitizenPromise } from '../../../domain/catalogue/types.ts';
import type { LocalDate } from '../../../domain/calendar.ts';
import type { ActivityCompletion } from '../../../domain/tallies/completions.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { canMarkDone } from '../tallies/roles.ts';
import { formatLocalDate } from '../tallies/format.ts';
import { t } from '../../i18n/index.ts';
import { CompletionForm, completionDraftKey } from './CompletionForm.tsx';
import { WithdrawCompletionForm, withdrawDraftKey } from './WithdrawCompletionForm.tsx';
import { hasDraft } from './useDraft.ts';

interface Props {
  activity: Activity;
  promise: CitizenPromise;
  completions: readonly ActivityCompletion[];
  from: LocalDate;
  to: LocalDate;
}

export function Completions({ activity, promise, completions, from, to }: Props) {
  const { db } = useServices();
  const { user } = useAppState();
  const coordinator = canMarkDone(user);
  const [marking, setMarking] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const mine = completions
    .filter((c) => c.activityId === activity.id && c.doneOn >= from && c.doneOn <= to)
    .sort((a, b) => (a.doneOn < b.doneOn ? 1 : a.doneOn > b.doneOn ? -1 : 0));

  // A form left half-filled (offline, or the screen changed) opens again with its text.
  useEffect(() => {
    if (!coordinator) return;
    void hasDraft(db, completionDraftKey(activity.id)).then((d) => d && setMarking(true));
    void Promise.all(mine.map(async (c) => ((await hasDraft(db, withdrawDraftKey(c.id))) ? c.id : null))).then((ids) => {
      const open = ids.find((x) => x !== null);
      if (open) setWithdrawing(open);
    });
  }, [db, activity.id, coordinator]);

  return (
    <div class="completions">
      <h4>{t.completions.title}</h4>
      {mine.length === 0 ? (
        <p class="hint">{t.completions.none}</p>
      ) : (
        <ul class="completion-list">
          {mine.map((c) => (
            <li key={c.id} class={c.withdrawnAt ? 'withdrawn' : undefined}>
              <span class="completion-date">{formatLocalDate(c.doneOn)}</span>
              {c.note && <span class="completion-note">{c.note}</span>}
              <span class="hint">{c.withdrawnAt ? t.completions.withdrawn(c.withdrawnReason ?? '') : t.completions.by(c.recordedByName)}</span>
              {coordinator && !c.withdrawnAt && withdrawing !== c.id && (
                <button type="button" class="danger" onClick={() => setWithdrawing(c.id)} aria-label={`${t.completions.withdraw} ${formatLocalDate(c.doneOn)}`}>
                  {t.completions.withdraw}
                </button>
              )}
              {withdrawing === c.id && <WithdrawCompletionForm completion={c} onClose={() => setWithdrawing(null)} />}
            </li>
          ))}
        </ul>
      )}
      {coordinator &&
        (marking ? (
          <CompletionForm activity={activity} promise={promise} onClose={() => setMarking(false)} />
        ) : (
          <button type="button" class="primary" onClick={() => setMarking(true)} aria-label={`${t.completions.mark}: ${activity.title}`}>{t.completions.mark}</button>
        ))}
    </div>
  );
}
