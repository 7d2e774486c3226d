// One PIN input: a password field with the numeric keypad, never autofilled or offered
// as a one-time code (the PIN is the officer's own, not a code the browser fetched).
import { PIN_MAX } from '../../../security/pin-rules.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string | null | undefined;
  hint?: string;
  autoFocus?: boolean;
}

export function PinField({ id, label, value, onInput, error, hint, autoFocus }: Props) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_MAX}
        autoFocus={autoFocus}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="error" role="alert">{error}</p>}
    </div>
  );
}
