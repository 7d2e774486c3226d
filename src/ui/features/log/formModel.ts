// The log form's state and how it becomes an entry: validated by the shared domain
// schema and checked against the catalogue, with errors keyed by field.
import type { Catalogue, EntryKind } from '../../../domain/catalogue/types.ts';
import type { EntryContent } from '../../../domain/entry.ts';
import { checkEntryAgainstCatalogue } from '../../../domain/catalogue/lookup.ts';

export interface FormState {
  kind: EntryKind;
  kommunId: string;
  promiseId: string;
  activityId: string;
  /** ISO instant, or null for "now" (taken when saving). */
  startedAt: string | null;
  durationMinutes: number | null;
  place: string;
  note: string;
  details: Record<string, unknown>;
}

export type FieldErrors = Record<string, string>;

export function fromContent(content: EntryContent): FormState {
  return {
    kind: content.kind,
    kommunId: content.kommunId,
    promiseId: content.promiseId,
    activityId: content.activityId,
    startedAt: content.startedAt,
    durationMinutes: content.durationMinutes,
    place: content.place,
    note: content.note,
    details: { ...content.details },
  };
}

export function toContent(form: FormState, nowMs: number): unknown {
  const startedMs = form.startedAt ? Date.parse(form.startedAt) : nowMs;
  return {
    kind: form.kind,
    kommunId: form.kommunId,
    promiseId: form.promiseId,
    activityId: form.activityId,
    startedAt: form.startedAt ?? new Date(nowMs).toISOString(),
    // The device's offset at the start time, as the data rules ask.
    utcOffsetMinutes: Number.isNaN(startedMs) ? 0 : -new Date(startedMs).getTimezoneOffset(),
    durationMinutes: form.durationMinutes,
    place: form.place,
    note: form.note,
    details: form.details,
  };
}

/**
 * The validator (valibot and the kind schemas) is fetched on first use rather than with
 * the log screen; the form asks for it as soon as it opens (preloadValidation), so the
 * officer's first save never waits on it.
 */
const validation = () => import('../../../domain/validation.ts');

export function preloadValidation(): void {
  void validation().catch(() => {
    // Offline before the worker cached the chunk: validateForm tries again on save.
  });
}

export async function validateForm(form: FormState, catalogue: Catalogue, nowMs: number): Promise<{ content: EntryContent | null; errors: FieldErrors }> {
  const { validateEntryContent } = await validation();
  const result = validateEntryContent(toContent(form, nowMs));
  const errors: FieldErrors = {};
  if (!result.ok) {
    for (const issue of result.issues) errors[issue.field] ??= issue.message;
    return { content: null, errors };
  }
  for (const issue of checkEntryAgainstCatalogue(result.value, catalogue, nowMs)) errors[issue.field] ??= issue.message;
  return Object.keys(errors).length ? { content: null, errors } : { content: result.value, errors };
}

/** "2025-03-01T08:30" for a datetime-local input, in the device's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
