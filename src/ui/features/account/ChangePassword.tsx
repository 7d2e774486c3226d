// "Byt lösenord": after an admin's reset (required before anything else) or by choice
// from Mer. Nothing queued on the device is touched; the sync resumes once it is done.
import { useState } from 'preact/hooks';
import { PASSWORD_MIN } from '../../../domain/limits.ts';
import type { ValidationIssue } from '../../../domain/validation.ts';
import { ApiFailure, NetworkFailure } from '../../../sync/api.ts';
import { t } from '../../i18n/index.ts';
import { checkPassword, type PasswordErrors, type PasswordInput } from './passwordRules.ts';

interface Props {
  required: boolean;
  onChange: ((current: string, next: string) => Promise<void>) | undefined;
  onDone?: () => void;
}

const FIELD_OF: Record<string, keyof PasswordInput> = { currentPassword: 'current', newPassword: 'next' };

function failure(e: unknown): PasswordErrors {
  if (e instanceof NetworkFailure) return { form: t.account.offline };
  if (e instanceof ApiFailure) {
    const issues = Array.isArray(e.details) ? (e.details as ValidationIssue[]) : [];
    const out: PasswordErrors = {};
    for (const i of issues) {
      const f = FIELD_OF[i.field];
      if (f) out[f] ??= i.message;
    }
    if (Object.keys(out).length > 0) return out;
    if (e.status === 401 || e.code === 'unauthenticated') return { current: t.account.wrongCurrent };
    return { form: t.account.failed(e.message) };
  }
  return { form: t.account.failed(e instanceof Error ? e.message : String(e)) };
}

function PasswordField({ id, label, value, error, hint, autoComplete, onInput }: { id: string; label: string; value: string; error: string | undefined; hint?: string; autoComplete: string; onInput: (v: string) => void }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <input id={id} type="password" autoComplete={autoComplete} value={value} aria-invalid={error ? true : undefined} aria-describedby={described} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="error" role="alert">{error}</p>}
    </div>
  );
}

export function ChangePassword({ required, onChange, onDone }: Props) {
  const [value, setValue] = useState<PasswordInput>({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const set = (patch: Partial<PasswordInput>) => setValue({ ...value, ...patch });
  return (
    <form
      class="login password-form"
      aria-labelledby="password-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const found = checkPassword(value);
        setErrors(found);
        if (Object.keys(found).length > 0 || !onChange) return;
        setBusy(true);
        try {
          await onChange(value.current, value.next);
          setDone(true);
          setValue({ current: '', next: '', repeat: '' });
          onDone?.();
        } catch (err) {
          setErrors(failure(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h1 id="password-title">{t.account.passwordTitle}</h1>
      <p class={required ? 'notice' : 'hint'}>{required ? t.account.passwordRequired : t.account.passwordVoluntary}</p>
      {done && <p class="notice ok-notice" role="status">{t.account.changed}</p>}
      <PasswordField id="pw-current" label={t.account.current} hint={required ? t.account.currentHint : undefined} autoComplete="current-password" value={value.current} error={errors.current} onInput={(current) => set({ current })} />
      <PasswordField id="pw-new" label={t.account.newPassword} hint={t.account.newHint(PASSWORD_MIN)} autoComplete="new-password" value={value.next} error={errors.next} onInput={(next) => set({ next })} />
      <PasswordField id="pw-repeat" label={t.account.repeat} autoComplete="new-password" value={value.repeat} error={errors.repeat} onInput={(repeat) => set({ repeat })} />
      {errors.form && <p class="error-summary" role="alert">{errors.form}</p>}
      <div class="form-actions">
        <button type="submit" class="primary big" disabled={busy}>{t.account.submit}</button>
      </div>
    </form>
  );
}
