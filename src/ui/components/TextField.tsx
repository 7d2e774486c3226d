interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  multiline?: boolean;
  maxLength?: number;
  list?: string;
}

export function TextField({ id, label, value, onInput, error, hint, multiline, maxLength, list }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" autoComplete="off" list={list} {...common} />}
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="error" role="alert">{error}</p>}
    </div>
  );
}
