// A row of large radio-like buttons (focus, PL type, yes/no): one tap, no dropdown.
interface Props<T extends string> {
  id: string;
  label: string;
  value: T | '';
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
  error?: string | undefined;
}

export function Choice<T extends string>({ id, label, value, options, onChange, error }: Props<T>) {
  return (
    <fieldset class={`field choice${error ? ' has-error' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      <div class="choice-row">
        {options.map((o) => (
          <button type="button" key={o.value} class="chip" aria-pressed={value === o.value} onClick={() => onChange(o.value)}>
            {o.label}
          </button>
        ))}
      </div>
      {error && <p id={`${id}-error`} class="error" role="alert">{error}</p>}
    </fieldset>
  );
}
