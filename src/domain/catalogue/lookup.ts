// Questions asked of the catalogue: which promise is in force, which activity an
// entry belongs to, whether an entry fits the promise it is logged against.
import type { Activity, Catalogue, CitizenPromise, EntryKind } from './types.ts';
import type { EntryContent } from '../entry.ts';
import type { ValidationIssue } from '../validation.ts';
import { localDate, type LocalDate } from '../calendar.ts';

/** The published promise in force for a kommun on a date; the most recently started wins an overlap. */
export function activePromise(catalogue: Catalogue, kommunId: string, date: LocalDate): CitizenPromise | null {
  let best: CitizenPromise | null = null;
  for (const p of catalogue.promises) {
    if (p.kommunId !== kommunId || p.status !== 'published') continue;
    if (p.validFrom > date || p.validTo < date) continue;
    if (!best || p.validFrom > best.validFrom) best = p;
  }
  return best;
}

/** The kommun's published promises, latest first. */
export function promisesOf(catalogue: Catalogue, kommunId: string): CitizenPromise[] {
  return catalogue.promises
    .filter((p) => p.kommunId === kommunId && p.status === 'published')
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
}

export function findPromise(catalogue: Catalogue, promiseId: string): CitizenPromise | undefined {
  return catalogue.promises.find((p) => p.id === promiseId);
}

export function findActivity(catalogue: Catalogue, activityId: string): Activity | undefined {
  for (const p of catalogue.promises) {
    const a = p.activities.find((x) => x.id === activityId);
    if (a) return a;
  }
  return undefined;
}

export function kommunName(catalogue: Catalogue, kommunId: string): string {
  return catalogue.kommuner.find((k) => k.id === kommunId)?.name ?? kommunId;
}

/** One button on the home screen: an activity and an entry kind it can be logged as. */
export interface LoggableActivity {
  activity: Activity;
  entryKind: EntryKind;
}

export function loggableActivities(promise: CitizenPromise): LoggableActivity[] {
  return promise.activities.flatMap((activity) => activity.entryKinds.map((entryKind) => ({ activity, entryKind })));
}

/** How far ahead of the server's clock a device may be before an entry is "in the future". */
export const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Rules that need the catalogue: the activity exists, belongs to the promise and
 * kommun named, accepts this entry kind, and the entry's date lies in the promise's
 * period. A schema-valid entry can still fail here.
 */
export function checkEntryAgainstCatalogue(content: EntryContent, catalogue: Catalogue, nowMs: number): ValidationIssue[] {
  const promise = findPromise(catalogue, content.promiseId);
  if (!promise || promise.status !== 'published') {
    return [{ field: 'promiseId', code: 'unknown_promise', message: 'Okänt medborgarlöfte.' }];
  }
  if (promise.kommunId !== content.kommunId) {
    return [{ field: 'kommunId', code: 'kommun_mismatch', message: 'Medborgarlöftet gäller en annan kommun.' }];
  }
  const activity = promise.activities.find((a) => a.id === content.activityId);
  if (!activity) return [{ field: 'activityId', code: 'unknown_activity', message: 'Okänd aktivitet i medborgarlöftet.' }];
  const issues: ValidationIssue[] = [];
  if (!activity.entryKinds.includes(content.kind)) {
    issues.push({ field: 'kind', code: 'kind_not_allowed', message: 'Aktiviteten kan inte registreras som den här typen av insats.' });
  }
  const startedMs = Date.parse(content.startedAt);
  const day = localDate(startedMs);
  if (day < promise.validFrom || day > promise.validTo) {
    issues.push({ field: 'startedAt', code: 'outside_period', message: `Datumet ligger utanför medborgarlöftets period (${promise.validFrom} – ${promise.validTo}).` });
  } else if (startedMs > nowMs + CLOCK_SKEW_MS) {
    issues.push({ field: 'startedAt', code: 'in_future', message: 'Tiden ligger i framtiden.' });
  }
  return issues;
}
