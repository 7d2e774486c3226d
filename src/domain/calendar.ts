// Calendars in Europe/Stockholm. Offsets come from the EU summer-time rule (in force
// in Sweden since 1996: last Sunday of March to last Sunday of October, switching at
// 01:00 UTC) rather than Intl, because tallies convert every entry and Intl's
// formatToParts costs microseconds each; tests check the rule against Intl.

export type LocalDate = string; // "YYYY-MM-DD" in Europe/Stockholm
export type BucketBy = 'year' | 'quarter' | 'tertial';

const DAY_MS = 86_400_000;

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = Date.UTC(year, monthIndex + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS;
}

const dstCache = new Map<number, [number, number]>();
function dstWindow(year: number): [number, number] {
  let w = dstCache.get(year);
  if (!w) {
    const hour = 3_600_000;
    w = [lastSundayUtc(year, 2) + hour, lastSundayUtc(year, 9) + hour];
    dstCache.set(year, w);
  }
  return w;
}

/** Minutes east of UTC in Stockholm at the given instant (60 or 120). */
export function stockholmOffsetMinutes(utcMs: number): number {
  const [start, end] = dstWindow(new Date(utcMs).getUTCFullYear());
  return utcMs >= start && utcMs < end ? 120 : 60;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toMs(instant: Date | string | number): number {
  return typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
}

/** The Stockholm calendar date of an instant. */
export function localDate(instant: Date | string | number): LocalDate {
  const ms = toMs(instant);
  const d = new Date(ms + stockholmOffsetMinutes(ms) * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Stockholm wall-clock time "HH:MM" of an instant. */
export function localTime(instant: Date | string | number): string {
  const ms = toMs(instant);
  const d = new Date(ms + stockholmOffsetMinutes(ms) * 60_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The UTC instant (ms) at which a Stockholm calendar date begins. */
export function startOfLocalDate(date: LocalDate): number {
  const [y, m, d] = parseLocalDate(date);
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // Local midnight is never inside a DST switch (switches happen at 02:00/03:00 local).
  return midnightAsUtc - stockholmOffsetMinutes(midnightAsUtc - 60 * 60_000) * 60_000;
}

export function parseLocalDate(date: LocalDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function isLocalDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = parseLocalDate(s);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parseLocalDate(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from a to b inclusive of both (a ≤ b gives ≥ 1). */
export function daysInclusive(a: LocalDate, b: LocalDate): number {
  const [ya, ma, da] = parseLocalDate(a);
  const [yb, mb, db] = parseLocalDate(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS) + 1;
}

export interface Bucket {
  /** "2025", "2025-Q1" or "2025-T1". */
  key: string;
  by: BucketBy;
  year: number;
  /** 1-based quarter or tertial; 0 for a year. */
  index: number;
  from: LocalDate;
  to: LocalDate;
}

const MONTHS_PER: Record<BucketBy, number> = { year: 12, quarter: 3, tertial: 4 };
const SUFFIX: Record<BucketBy, string> = { year: '', quarter: 'Q', tertial: 'T' };

function makeBucket(by: BucketBy, year: number, index: number): Bucket {
  const months = MONTHS_PER[by];
  const firstMonth = by === 'year' ? 1 : (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    key: by === 'year' ? String(year) : `${year}-${SUFFIX[by]}${index}`,
    by,
    year,
    index: by === 'year' ? 0 : index,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** The year, quarter or tertial that contains a local date. */
export function bucketOf(date: LocalDate, by: BucketBy): Bucket {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return makeBucket(by, year, by === 'year' ? 0 : Math.floor((month - 1) / MONTHS_PER[by]) + 1);
}

/** Every bucket that overlaps [from, to], in order. */
export function bucketsBetween(from: LocalDate, to: LocalDate, by: BucketBy): Bucket[] {
  const out: Bucket[] = [];
  let b = bucketOf(from, by);
  while (b.from <= to) {
    out.push(b);
    b = bucketOf(addDays(b.to, 1), by);
  }
  return out;
}

/** Bucket from its key ("2025", "2025-Q3", "2026-T2"), or null if malformed. */
export function parseBucketKey(key: string): Bucket | null {
  const m = /^(\d{4})(?:-([QT])([1-4]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return makeBucket('year', year, 0);
  const by: BucketBy = m[2] === 'Q' ? 'quarter' : 'tertial';
  const index = Number(m[3]);
  if (by === 'tertial' && index > 3) return null;
  return makeBucket(by, year, index);
}

