// Progress of an activity against its target, as shown on the officer's home screen.
import type { Activity, CitizenPromise } from './catalogue/types.ts';
import { bucketOf, startOfLocalDate, addDays, type LocalDate } from './calendar.ts';

export interface InstantRange {
  /** Inclusive ISO UTC lower bound. */
  from: string;
  /** Exclusive ISO UTC upper bound. */
  to: string;
}

/** The UTC instants that bound local dates [from, to] (both inclusive). */
export function instantRange(from: LocalDate, to: LocalDate): InstantRange {
  return {
    from: new Date(startOfLocalDate(from)).toISOString(),
    to: new Date(startOfLocalDate(addDays(to, 1))).toISOString(),
  };
}

/** The stretch of time a home-screen figure counts: this calendar year clipped to the promise, or the whole period. */
export function progressWindow(activity: Activity, promise: CitizenPromise, today: LocalDate): { range: InstantRange; scope: 'year' | 'period' } {
  if (activity.target.kind === 'count' && activity.target.per === 'period') {
    return { range: instantRange(promise.validFrom, promise.validTo), scope: 'period' };
  }
  const year = bucketOf(today, 'year');
  const from = year.from > promise.validFrom ? year.from : promise.validFrom;
  const to = year.to < promise.validTo ? year.to : promise.validTo;
  return { range: instantRange(from, to), scope: 'year' };
}

/** "18 / 30 i år", "7 / 15 under perioden", or "12 i år" when the promise gives no number. */
export function progressLabel(activity: Activity, count: number, scope: 'year' | 'period'): string {
  const when = scope === 'year' ? 'i år' : 'under perioden';
  return activity.target.kind === 'count' ? `${count} / ${activity.target.count} ${when}` : `${count} ${when}`;
}

/**
 * The key under which an entry's head is counted, or undefined when it does not count.
 * Tallies count the latest non-voided revision; the device stores this key on the head
 * so that an index can count without reading the entries.
 */
export function tallyKeyOf(head: { op: 'upsert' | 'void'; content: { activityId: string; kind: string } }): string | undefined {
  return head.op === 'void' ? undefined : tallyKey(head.content.activityId, head.content.kind);
}

/** Counted per activity and kind, so LOB and PL under one activity are counted apart without reading records. */
export function tallyKey(activityId: string, kind: string): string {
  return `${activityId}|${kind}`;
}
