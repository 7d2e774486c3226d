// A count field for gloved thumbs: large − and + around a number the officer can also type.
import { t } from '../i18n/index.ts';

interface Props {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
  error?: string | undefined;
  min?: number;
}

export function Stepper({ id, label, value, onChange, error, min = 0 }: Props) {
  const errorId = `${id}-error`;
  return (
    <div class={`field stepper${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <div class="stepper-row">
        <button type="button" class="step" aria-label={t.form.decrease(label)} onClick={() => onChange(Math.max(min, (Number.isFinite(value) ? value : 0) - 1))}>
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          pattern="[0-9]*"
          min={min}
          value={Number.isFinite(value) ? value : ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            onChange(raw === '' ? Number.NaN : Number(raw));
          }}
        />
        <button type="button" class="step" aria-label={t.form.increase(label)} onClick={() => onChange((Number.isFinite(value) ? value : 0) + 1)}>
          +
        </button>
      </div>
      {error && <p id={errorId} class="error" role="alert">{error}</p>}
    </div>
  );
}
