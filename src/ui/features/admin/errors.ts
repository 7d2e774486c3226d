// Server failures of the admin forms as Swedish messages, by field where the server says which.
import type { ValidationIssue } from '../../../domain/validation.ts';
import { ApiFailure, NetworkFailure } from '../../../sync/api.ts';
import { t } from '../../i18n/index.ts';

export type AdminErrors = Partial<Record<string, string>>;

export function adminFailure(e: unknown, fields: readonly string[]): AdminErrors {
  if (e instanceof NetworkFailure) return { form: t.admin.offlineAction };
  if (e instanceof ApiFailure) {
    const out: AdminErrors = {};
    const issues = Array.isArray(e.details) ? (e.details as ValidationIssue[]) : [];
    for (const i of issues) {
      const key = fields.includes(i.field) ? i.field : fields.find((f) => i.field.startsWith(`${f}.`)) ?? 'form';
      out[key] ??= i.message;
    }
    if (Object.keys(out).length === 0 || !out.form) out.form = t.admin.failed(e.message);
    return out;
  }
  return { form: t.admin.failed(e instanceof Error ? e.message : String(e)) };
}
