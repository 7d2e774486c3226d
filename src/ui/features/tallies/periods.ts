// The periods a shift lead can look at for a kommun: this year (the default), each
// quarter or tertial of the kommun's promise so far, each of its years, and the whole
// promise period. A period is named by a key that also goes into the URL.
import type { Catalogue, CitizenPromise } from '../../../domain/catalogue/types.ts';
import { activePromise, promisesOf } from '../../../domain/catalogue/lookup.ts';
import { bucketsBetween, parseBucketKey, type Bucket, type LocalDate } from '../../../domain/calendar.ts';
import type { Grain, TallyRequest } from '../../../domain/tallies/plan.ts';
import { t } from '../../i18n/index.ts';

/** The key of the whole promise period (every other key is a bucket key: "2026", "2026-Q4", "2026-T3"). */
export const WHOLE_PERIOD = 'hela';

export interface PeriodOption {
  key: string;
  label: string;
  group: 'year' | 'bucket' | 'whole';
}

export interface ResolvedPeriod {
  key: string;
  label: string;
  from: LocalDate;
  to: LocalDate;
  /** Set when the key itself names a grain (a quarter or a tertial). */
  by?: Grain;
}

/** The promise the dashboard is about: the one in force today, else the kommun's latest. */
export function referencePromise(catalogue: Catalogue, kommunId: string, today: LocalDate): CitizenPromise | null {
  return activePromise(catalogue, kommunId, today) ?? promisesOf(catalogue, kommunId)[0] ?? null;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "2025", "kvartal 3 2025", "tertial 2 2026" (in the chosen language). */
export function bucketName(b: Bucket): string {
  return b.by === 'year' ? String(b.year) : t.followUp.bucket(b.by === 'quarter', b.index, b.year);
}

/** "Kvartal 3 2025", "Tertial 1 2026", "2025". */
export function periodLabel(key: string): string {
  const b = parseBucketKey(key);
  return b ? capitalize(bucketName(b)) : key;
}

export function defaultPeriodKey(promise: CitizenPromise | null, today: LocalDate): string {
  if (!promise) return today.slice(0, 4);
  // A promise that has ended is followed up on its last year, not on an empty current one.
  const day = today < promise.validFrom ? promise.validFrom : today > promise.validTo ? promise.validTo : today;
  return day.slice(0, 4);
}

/**
 * Years of every promise of the kommun so far (a shift lead may look back at an ended
 * period), the quarters or tertials of the reference promise so far, and its whole period.
 */
export function periodOptions(promises: readonly CitizenPromise[], promise: CitizenPromise | null, today: LocalDate): PeriodOption[] {
  const thisYear = today.slice(0, 4);
  const yearKeys = new Set<string>();
  for (const p of promises) {
    if (p.validFrom > today) continue;
    for (const b of bucketsBetween(p.validFrom, p.validTo < today ? p.validTo : today, 'year')) yearKeys.add(b.key);
  }
  if (yearKeys.size === 0) yearKeys.add(promise ? promise.validFrom.slice(0, 4) : thisYear);
  const years = [...yearKeys].sort().reverse();
  const last = promise && (today < promise.validTo ? today : promise.validTo);
  const buckets = promise && last && last >= promise.validFrom ? bucketsBetween(promise.validFrom, last, promise.reportingPeriod).reverse() : [];
  return [
    ...years.map((key) => ({ key, label: key === thisYear ? t.followUp.currentYear(Number(key)) : key, group: 'year' as const })),
    ...buckets.map((b) => ({ key: b.key, label: capitalize(bucketName(b)), group: 'bucket' as const })),
    ...(promise ? [{ key: WHOLE_PERIOD, label: t.followUp.wholePeriod(promise.validFrom, promise.validTo), group: 'whole' as const }] : []),
  ];
}

/** The dates a key stands for; null for a malformed key. */
export function resolvePeriod(key: string, promise: CitizenPromise | null): ResolvedPeriod | null {
  if (key === WHOLE_PERIOD) {
    if (!promise) return null;
    return { key, label: t.followUp.wholePeriod(promise.validFrom, promise.validTo), from: promise.validFrom, to: promise.validTo };
  }
  const b = parseBucketKey(key);
  if (!b) return null;
  const resolved: ResolvedPeriod = { key, label: periodLabel(key), from: b.from, to: b.to };
  if (b.by !== 'year') resolved.by = b.by;
  return resolved;
}

export function tallyRequest(kommunId: string, period: ResolvedPeriod): TallyRequest {
  const request: TallyRequest = { kommunId, from: period.from, to: period.to };
  if (period.by) request.by = period.by;
  return request;
}

/** The report period for what the dashboard shows: the bucket or year itself, or the default year for the whole period. */
export function reportKeyFor(key: string, promise: CitizenPromise | null, today: LocalDate): string {
  return key === WHOLE_PERIOD ? defaultPeriodKey(promise, today) : key;
}
