// "Markera som genomförd": a coordinator records that a kommun-owned or joint activity
// took place, with a date and a note. It goes straight to the server (a coordinator's
// mark is shared data, not device work to queue), so offline it says so and keeps the text.
import { LIMITS } from '../../../domain/validation.ts';
import { useState } from 'preact/hooks';
import type { Activity, CitizenPromise } from '../../../domain/catalogue/types.ts';
import { localDate } from '../../../domain/calendar.ts';
import { checkCompletion, validateCompletionInput, type ActivityCompletion, type CompletionInput } from '../../../domain/tallies/completions.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { useToast } from '../../components/Toast.tsx';
import { TextField } from '../../components/TextField.tsx';
import { t } from '../../i18n/index.ts';
import { failureToErrors, issuesToErrors, type FormErrors } from './errors.ts';
import { mergeCompletion } from './store.ts';
import { useDraft } from './useDraft.ts';

const FIELDS = ['doneOn', 'note'] as const;

export function completionDraftKey(activityId: string): string {
  return `completion:${activityId}`;
}

export function CompletionForm({ activity, promise, onClose }: { activity: Activity; promise: CitizenPromise; onClose: () => void }) {
  const { db, now, callServer } = useServices();
  const { catalogue } = useAppState();
  const online = useOnline();
  const toast = useToast();
  const today = localDate(now());
  // The id is made once per form and kept in the draft: a retry after a lost answer cannot mark twice.
  const [value, setValue, clear] = useDraft<CompletionInput>(completionDraftKey(activity.id), () => ({ id: crypto.randomUUID(), activityId: activity.id, doneOn: today, note: '' }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  if (!value) return <p aria-busy="true">…</p>;
  const ids = { date: `f-done-${activity.id}`, note: `f-note-${activity.id}` };

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = validateCompletionInput(value);
    const issues = checked.ok ? checkCompletion(checked.value, catalogue, today) : checked.issues;
    if (!checked.ok || issues.length > 0) {
      setErrors(issuesToErrors(issues, FIELDS));
      return;
    }
    if (!online || !callServer) {
      setErrors({ form: t.completions.offline });
      return;
    }
    setBusy(true);
    try {
      const res = await callServer<{ completion: ActivityCompletion }>('POST', '/completions', checked.value);
      await mergeCompletion(db, res.completion);
      await clear();
      toast({ text: t.completions.saved });
      onClose();
    } catch (err) {
      setErrors(failureToErrors(err, FIELDS).errors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="completion-form" aria-labelledby={`${ids.date}-title`} onSubmit={submit} noValidate>
      <h4 id={`${ids.date}-title`}>{t.completions.markTitle(activity.title)}</h4>
      {!online && (
        <p class="offline-mark">
          <span aria-hidden="true">⚠ </span>
          {t.completions.offlineNow}
        </p>
      )}
      <div class={`field${errors.doneOn ? ' has-error' : ''}`}>
        <label for={ids.date}>{t.completions.date}</label>
        <input
          id={ids.date}
          type="date"
          value={value.doneOn}
          min={promise.validFrom}
          max={today < promise.validTo ? today : promise.validTo}
          aria-invalid={errors.doneOn ? true : undefined}
          aria-describedby={errors.doneOn ? `${ids.date}-error` : undefined}
          onInput={(ev) => setValue({ ...value, doneOn: (ev.currentTarget as HTMLInputElement).value })}
        />
        {errors.doneOn && <p id={`${ids.date}-error`} class="error" role="alert">{errors.doneOn}</p>}
      </div>
      <TextField id={ids.note} label={t.completions.note} hint={t.completions.noteHint} value={value.note} error={errors.note} multiline maxLength={LIMITS.noteMax} onInput={(note) => setValue({ ...value, note })} />
      {errors.form && <p class="error-summary" role="alert">{errors.form}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{t.completions.save}</button>
        <button
          type="button"
          onClick={async () => {
            await clear();
            onClose();
          }}
        >
          {t.completions.cancel}
        </button>
      </div>
    </form>
  );
}
