// Validation issues (the device's and the server's) as messages by field path, e.g.
// "activities.2.target.count". A path the form cannot show goes to the summary.
import type { PromiseDraftInput } from '../../../domain/catalogue/edit.ts';
import type { ValidationIssue } from '../../../domain/validation.ts';
import { ApiFailure, NetworkFailure } from '../../../sync/api.ts';
import { t } from '../../i18n/index.ts';

export interface PathErrors {
  byPath: Partial<Record<string, string>>;
  /** Messages about the whole form, or about a field the form has no place for. */
  form: string[];
}

export const NO_ERRORS: PathErrors = { byPath: {}, form: [] };

const TOP = ['kommunId', 'title', 'validFrom', 'validTo', 'signedOn', 'reportingPeriod', 'commitments', 'activities'];
const ACTIVITY = ['title', 'text', 'kind', 'owner', 'entryKinds', 'target', 'target.count', 'target.per', 'commitmentIndex', 'focus'];

/** Every path the editor shows a message at. */
export function shownPaths(d: PromiseDraftInput): Set<string> {
  const paths = new Set(TOP);
  d.commitments.forEach((_, i) => paths.add(`commitments.${i}.text`));
  d.activities.forEach((_, i) => ACTIVITY.forEach((f) => paths.add(`activities.${i}.${f}`)));
  return paths;
}

/** Deeper paths than shown (e.g. "activities.1.entryKinds.0") go to the nearest shown parent. */
function nearestShown(field: string, shown: Set<string>): string | null {
  for (let parts = field.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const p = parts.join('.');
    if (shown.has(p)) return p;
  }
  return null;
}

export function issuesToPathErrors(issues: readonly ValidationIssue[], d: PromiseDraftInput): PathErrors {
  const shown = shownPaths(d);
  const out: PathErrors = { byPath: {}, form: [] };
  for (const i of issues) {
    const at = nearestShown(i.field, shown);
    if (at) out.byPath[at] ??= i.message;
    else out.form.push(i.message);
  }
  return out;
}

function isIssueList(x: unknown): x is ValidationIssue[] {
  return Array.isArray(x) && x.every((i) => typeof i === 'object' && i !== null && typeof (i as ValidationIssue).message === 'string' && typeof (i as ValidationIssue).field === 'string');
}

/** What to show when a request failed. Never throws away the form: the caller keeps the draft. */
export function failureToPathErrors(e: unknown, d: PromiseDraftInput): PathErrors {
  if (e instanceof NetworkFailure) return { byPath: {}, form: [t.catalogue.offline] };
  if (e instanceof ApiFailure) {
    if (e.status === 401) return { byPath: {}, form: [t.catalogue.needsLogin] };
    if (e.status === 409 && !isIssueList(e.details)) return { byPath: {}, form: [t.catalogue.conflict] };
    if (isIssueList(e.details) && e.details.length > 0) {
      const errors = issuesToPathErrors(e.details, d);
      return { ...errors, form: [t.catalogue.failed(e.message), ...errors.form] };
    }
    return { byPath: {}, form: [t.catalogue.failed(e.message)] };
  }
  throw e;
}
