// A button that asks before it acts: the question opens in place (no browser dialog),
// with the consequence spelled out, a "Ja, …" button and Avbryt. Focus moves to the question.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

interface Props {
  label: string;
  /** Accessible name when the visible label is ambiguous (e.g. one per row). */
  ariaLabel?: string;
  question: ComponentChildren;
  yes: string;
  onConfirm: () => void | Promise<void>;
  danger?: boolean;
  disabled?: boolean;
  className?: string;
}

export function Confirm({ label, ariaLabel, question, yes, onConfirm, danger = false, disabled = false, className }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  if (!open) {
    return (
      <button type="button" class={className ?? (danger ? 'danger' : undefined)} aria-label={ariaLabel} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class={`confirm${danger ? ' confirm-danger' : ''}`} role="group" aria-label={ariaLabel ?? label} tabIndex={-1} ref={box}>
      <p>{question}</p>
      <div class="actions">
        <button
          type="button"
          class={danger ? 'danger' : 'primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setOpen(false);
            }
          }}
        >
          {yes}
        </button>
        <button type="button" onClick={() => setOpen(false)}>{t.catalogue.cancel}</button>
      </div>
    </div>
  );
}
