// Turning validation issues and server failures into messages next to the form's fields.
import type { ValidationIssue } from '../../../domain/validation.ts';
import { ApiFailure, NetworkFailure } from '../../../sync/api.ts';
import { t } from '../../i18n/index.ts';

export type FormErrors = Partial<Record<string, string>>;

/** The first message per field; issues about fields the form does not show go to `form`. */
export function issuesToErrors(issues: readonly ValidationIssue[], fields: readonly string[]): FormErrors {
  const out: FormErrors = {};
  for (const i of issues) {
    const key = fields.includes(i.field) ? i.field : 'form';
    out[key] ??= i.message;
  }
  return out;
}

function isIssueList(x: unknown): x is ValidationIssue[] {
  return Array.isArray(x) && x.every((i) => typeof i === 'object' && i !== null && typeof (i as ValidationIssue).message === 'string');
}

/** What to say when the request failed; `offline` when nothing reached the server. */
export function failureToErrors(e: unknown, fields: readonly string[]): { offline: boolean; errors: FormErrors } {
  if (e instanceof NetworkFailure) return { offline: true, errors: { form: t.completions.offline } };
  if (e instanceof ApiFailure) {
    if (e.status === 401) return { offline: false, errors: { form: t.completions.needsLogin } };
    if (isIssueList(e.details) && e.details.length > 0) {
      const errors = issuesToErrors(e.details, fields);
      errors.form ??= t.completions.failed(e.message);
      return { offline: false, errors };
    }
    return { offline: false, errors: { form: t.completions.failed(e.message) } };
  }
  throw e;
}
