// "Återkalla": a mark made by mistake is withdrawn with a reason, never deleted, so the
// report's history stays honest. Online only, like marking.
import { LIMITS } from '../../../domain/validation.ts';
import { useState } from 'preact/hooks';
import { validateWithdrawReason, type ActivityCompletion } from '../../../domain/tallies/completions.ts';
import { useServices } from '../../app/context.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { useToast } from '../../components/Toast.tsx';
import { TextField } from '../../components/TextField.tsx';
import { t } from '../../i18n/index.ts';
import { failureToErrors, type FormErrors } from './errors.ts';
import { mergeCompletion } from './store.ts';
import { useDraft } from './useDraft.ts';

export function withdrawDraftKey(completionId: string): string {
  return `completion-withdraw:${completionId}`;
}

export function WithdrawCompletionForm({ completion, onClose }: { completion: ActivityCompletion; onClose: () => void }) {
  const { db, callServer } = useServices();
  const online = useOnline();
  const toast = useToast();
  const [value, setValue, clear] = useDraft(withdrawDraftKey(completion.id), () => ({ reason: '' }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  if (!value) return <p aria-busy="true">…</p>;
  const id = `f-withdraw-${completion.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = validateWithdrawReason(value.reason);
    if (!checked.ok) {
      setErrors({ reason: checked.issues[0]?.message });
      return;
    }
    if (!online || !callServer) {
      setErrors({ form: t.completions.offline });
      return;
    }
    setBusy(true);
    try {
      const res = await callServer<{ completion: ActivityCompletion }>('POST', `/completions/${encodeURIComponent(completion.id)}/withdraw`, { reason: checked.value });
      await mergeCompletion(db, res.completion);
      await clear();
      toast({ text: t.completions.withdrawnToast });
      onClose();
    } catch (err) {
      setErrors(failureToErrors(err, ['reason']).errors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="withdraw" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-title`}>{t.completions.withdrawTitle}</h4>
      {!online && (
        <p class="offline-mark">
          <span aria-hidden="true">⚠ </span>
          {t.completions.offlineNow}
        </p>
      )}
      <TextField id={id} label={t.completions.reason} value={value.reason} error={errors.reason} maxLength={LIMITS.voidReasonMax} onInput={(reason) => setValue({ reason })} />
      {errors.form && <p class="error-summary" role="alert">{errors.form}</p>}
      <div class="actions">
        <button type="submit" class="danger" disabled={busy}>{t.completions.confirmWithdraw}</button>
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
