// Small labelled inputs for the editor (date, number, select), each with its hint and
// its error by the field, wired for screen readers like TextField.
import type { ComponentChildren } from 'preact';

interface Base {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Wrap({ id, label, error, hint, children }: Base & { children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="error" role="alert">{error}</p>}
    </div>
  );
}

export function DateField(props: Base & { value: string; onInput: (v: string) => void }) {
  const { id, value, onInput, error, hint } = props;
  return (
    <Wrap {...props}>
      <input id={id} type="date" value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
    </Wrap>
  );
}

export function NumberField(props: Base & { value: number; onInput: (raw: string) => void }) {
  const { id, value, onInput, error, hint } = props;
  return (
    <Wrap {...props}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={Number.isFinite(value) ? String(value) : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </Wrap>
  );
}

export function SelectField<T extends string>(props: Base & { value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void }) {
  const { id, value, options, onChange, error, hint } = props;
  return (
    <Wrap {...props}>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Wrap>
  );
}
