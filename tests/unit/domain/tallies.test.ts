// The tally arithmetic on the real seed catalogue. Every expected figure below is worked
// out by hand in the comment beside it, never by calling the code under test.
import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../../src/domain/catalogue/seeds.ts';
import {
  PERIOD_CELL,
  RANGE_CELL,
  bucketBounds,
  bucketKeyOfDay,
  completionRows,
  planTallies,
  rowsFromDays,
  summarizeTallies,
  type ActivityCompletion,
  type ActivityTally,
  type DayCount,
  type KommunTallies,
} from '../../../src/domain/tallies/index.ts';
import { localDate } from '../../../src/domain/calendar.ts';

const catalogue = SEED_CATALOGUE;

function day(activityId: string, kind: DayCount['kind'], d: string, count = 1, sums: Record<string, number> = {}): DayCount {
  return { activityId, kind, day: d, count, sums };
}

function activity(t: KommunTallies, id: string): ActivityTally {
  for (const p of t.promises) for (const a of p.activities) if (a.activityId === id) return a;
  throw new Error(`no ${id}`);
}

function completion(activityId: string, doneOn: string, over: Partial<ActivityCompletion> = {}): ActivityCompletion {
  return {
    id: `c-${activityId}-${doneOn}`,
    kommunId: activityId.split('-')[0]!,
    promiseId: activityId.replace(/-a\d+$/, ''),
    activityId,
    doneOn,
    note: '',
    recordedBy: 'u',
    recordedByName: 'Samordnare',
    recordedAt: `${doneOn}T12:00:00.000Z`,
    withdrawnAt: null,
    withdrawnReason: null,
    ...over,
  };
}

describe('planTallies', () => {
  it('snaps the asked-for period to whole quarters and counts from the start of the promise', () => {
    const plan = planTallies(catalogue, { kommunId: 'nassjo', from: '2024-02-10', to: '2024-05-05' });
    expect(plan.grain).toBe('quarter');
    expect([plan.from, plan.to]).toEqual(['2024-01-01', '2024-06-30']);
    // nassjo-2023 runs 2023-01-01..2024-12-31: a per-year or whole-period target needs 2023 too.
    expect(plan.countFrom).toBe('2023-01-01');
    expect(plan.countTo).toBe('2024-06-30');
    expect(plan.promiseIds).toEqual(['nassjo-2023']);
    expect(plan.buckets.map((b) => b.key)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
  });

  it('follows the kommun in tertials when its promise reports per tertial (Sävsjö)', () => {
    const plan = planTallies(catalogue, { kommunId: 'savsjo', from: '2024-01-01', to: '2024-12-31' });
    expect(plan.grain).toBe('tertial');
    expect(plan.buckets.map((b) => b.key)).toEqual(['2023-T1', '2023-T2', '2023-T3', '2024-T1', '2024-T2', '2024-T3']);
  });

  it('gives bucket bounds as UTC instants of Stockholm midnights, across both DST changes', () => {
    const plan = planTallies(catalogue, { kommunId: 'nassjo', from: '2024-01-01', to: '2024-12-31' });
    const bounds = bucketBounds(plan);
    // 2023-01-01 00:00 CET = 2022-12-31T23:00Z; 2023-04-01 00:00 CEST (DST from 26 March) = 2023-03-31T22:00Z;
    // 2023-10-01 CEST (DST until 29 October) = 22:00Z the day before; 2025-01-01 CET = 2024-12-31T23:00Z.
    expect(bounds[0]).toBe('2022-12-31T23:00:00.000Z');
    expect(bounds[1]).toBe('2023-03-31T22:00:00.000Z');
    expect(bounds[3]).toBe('2023-09-30T22:00:00.000Z');
    expect(bounds.at(-1)).toBe('2024-12-31T23:00:00.000Z');
    expect(bounds).toHaveLength(plan.buckets.length + 1);
  });

  it('puts an entry on the first local day of a quarter in that quarter, though UTC says the day before', () => {
    const plan = planTallies(catalogue, { kommunId: 'nassjo', from: '2024-01-01', to: '2024-12-31' });
    // 2024-03-31T22:30Z is 00:30 on 1 April in Stockholm (CEST since 31 March).
    expect(bucketKeyOfDay(plan, localDate('2024-03-31T22:30:00.000Z'))).toBe('2024-Q2');
    expect(bucketKeyOfDay(plan, localDate('2024-03-31T21:59:59.000Z'))).toBe('2024-Q1');
    // A Sävsjö tertial ends on 30 April.
    const savsjo = planTallies(catalogue, { kommunId: 'savsjo', from: '2023-01-01', to: '2023-12-31' });
    expect(bucketKeyOfDay(savsjo, '2023-04-30')).toBe('2023-T1');
    expect(bucketKeyOfDay(savsjo, '2023-05-01')).toBe('2023-T2');
    expect(bucketKeyOfDay(savsjo, '2024-01-01')).toBeNull();
  });
});

describe('summarizeTallies', () => {
  const traffic = 'nassjo-2023-a3'; // 30 per year
  const plan2024 = planTallies(catalogue, { kommunId: 'nassjo', from: '2024-01-01', to: '2024-12-31' });

  it('counts per quarter, year, whole period and the asked-for range, with the outcome sums', () => {
    const days = [
      day(traffic, 'traffic_check', '2023-11-02', 4, { vehiclesChecked: 100, breathTests: 90, reports: 2, suspectedImpaired: 1 }),
      day(traffic, 'traffic_check', '2024-02-01', 2, { vehiclesChecked: 30, breathTests: 30, reports: 0, suspectedImpaired: 0 }),
      day(traffic, 'traffic_check', '2024-04-01', 1, { vehiclesChecked: 12, breathTests: 12, reports: 1, suspectedImpaired: 1 }),
    ];
    const t = summarizeTallies(catalogue, plan2024, rowsFromDays(plan2024, days), '2024-06-15');
    const a = activity(t, traffic);
    expect(a.cells['2023-Q4']!.count).toBe(4);
    expect(a.cells['2024-Q1']!.count).toBe(2);
    expect(a.cells['2024-Q2']!.count).toBe(1);
    expect(a.cells['2024-Q3']!.count).toBe(0);
    expect(a.cells['2023']!.count).toBe(4);
    expect(a.cells['2024']!.count).toBe(3);
    expect(a.cells[PERIOD_CELL]!.count).toBe(7);
    expect(a.cells[RANGE_CELL]).toEqual({ count: 3, sums: { vehiclesChecked: 42, breathTests: 42, reports: 1, suspectedImpaired: 1 } });
    expect(a.bySource).toEqual({ traffic_check: 3 });
    // Zero sums are present even with no entries, so device and server answers compare equal.
    expect(a.cells['2024-Q4']).toEqual({ count: 0, sums: { vehiclesChecked: 0, breathTests: 0, reports: 0, suspectedImpaired: 0 } });
  });

  it('judges a per-year target against the pace to date in the current year', () => {
    // 2024 is a leap year; 1 Jan – 1 Jul is 183 days: expected 30 × 183 / 366 = 15.0.
    const status = (count: number, today: string) => {
      const days = count ? [day(traffic, 'traffic_check', '2024-01-15', count)] : [];
      return activity(summarizeTallies(catalogue, plan2024, rowsFromDays(plan2024, days), today), traffic).target;
    };
    expect(status(15, '2024-07-01')).toMatchObject({ target: 30, count: 15, expected: 15, status: 'on_track', window: { from: '2024-01-01', to: '2024-12-31', scope: 'year' } });
    expect(status(14, '2024-07-01')!.status).toBe('behind');
    expect(status(30, '2024-07-01')!.status).toBe('achieved');
    // On the last day the year is not over yet: behind, not missed.
    expect(status(29, '2024-12-31')!.status).toBe('behind');
  });

  it('says "missed" for a finished year and counts only that year against a per-year target', () => {
    const plan2023 = planTallies(catalogue, { kommunId: 'nassjo', from: '2023-01-01', to: '2023-12-31' });
    const days = [day(traffic, 'traffic_check', '2023-06-01', 20), day(traffic, 'traffic_check', '2024-01-10', 20)];
    const t = summarizeTallies(catalogue, plan2023, rowsFromDays(plan2023, days), '2024-03-01');
    // Judged as of 2023-12-31, a day fully counted: 20 of 30, missed. 2024's entries are after the range.
    expect(t.asOf).toBe('2023-12-31');
    expect(activity(t, traffic).target).toMatchObject({ count: 20, target: 30, expected: 30, status: 'missed' });
    expect(activity(t, traffic).cells[PERIOD_CELL]!.count).toBe(20);
  });

  it('applies a per-year target to each year of a two-year period, the second year starting from zero', () => {
    const days = [day(traffic, 'traffic_check', '2023-03-01', 30), day(traffic, 'traffic_check', '2024-03-01', 3)];
    const a = activity(summarizeTallies(catalogue, plan2024, rowsFromDays(plan2024, days), '2024-03-31'), traffic);
    // 2024: 3 of 30; 1 Jan – 31 Mar = 91 days, 30 × 91 / 366 = 7.46 → 7.5 expected: behind.
    expect(a.target).toMatchObject({ count: 3, expected: 7.5, status: 'behind', window: { from: '2024-01-01', to: '2024-12-31' } });
  });

  it('counts a whole-period target over both years even when only the second is asked for', () => {
    const drugs = 'tranas-2023-a2'; // 15, no period stated → over the whole period
    const plan = planTallies(catalogue, { kommunId: 'tranas', from: '2024-01-01', to: '2024-03-31' });
    const days = [day(drugs, 'drug_operation', '2023-05-05', 10), day(drugs, 'drug_operation', '2024-02-02', 3)];
    const a = activity(summarizeTallies(catalogue, plan, rowsFromDays(plan, days), '2024-05-01'), drugs);
    expect(a.cells[RANGE_CELL]!.count).toBe(3);
    // asOf = 2024-03-31: 456 of 731 days → 15 × 456 / 731 = 9.36 expected; 13 counted: on track.
    expect(a.target).toMatchObject({ count: 13, target: 15, expected: 9.4, status: 'on_track', window: { from: '2023-01-01', to: '2024-12-31', scope: 'period' } });
  });

  it('pro-rates a per-year target only over the part of the first year a mid-year period covers (Nässjö 2019)', () => {
    const meetings = 'nassjo-2019-a5'; // "Under året genomföra minst två samverkansmöten", signed 2019-04-25
    const plan = planTallies(catalogue, { kommunId: 'nassjo', from: '2019-01-01', to: '2019-12-31' });
    expect(plan.countFrom).toBe('2019-01-01');
    const one = completionRows(plan, [completion(meetings, '2019-06-10')]);
    const t = summarizeTallies(catalogue, plan, one, '2019-08-31');
    // The window is 2019-04-25..2019-12-31 = 6 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 251 days; by 31 August
    // 6 + 31 + 30 + 31 + 31 = 129 days → 2 × 129 / 251 = 1.03 expected: one meeting is on track.
    expect(activity(t, meetings).target).toMatchObject({ target: 2, count: 1, expected: 1, status: 'on_track', window: { from: '2019-04-25', to: '2019-12-31' } });
    // The 2019 target is the full "två", not pro-rated down.
    const none = summarizeTallies(catalogue, plan, [], '2019-12-31');
    expect(activity(none, meetings).target).toMatchObject({ target: 2, count: 0, expected: 2, status: 'behind' });
    // Before the signing nothing was expected yet.
    const before = summarizeTallies(catalogue, plan, [], '2019-03-01');
    expect(activity(before, meetings).target).toMatchObject({ count: 0, expected: 0, status: 'not_started' });
    // The mid-quarter start: Q2 2019 is counted, Q1 is outside the promise.
    expect(t.promises[0]!.buckets).toEqual(['2019-Q2', '2019-Q3', '2019-Q4']);
  });

  it('counts coordinators\' completions, not withdrawn ones, and leaves other kommuner out', () => {
    const walk = 'nassjo-2023-a2'; // kommun-owned, 1 over the period
    const plan = planTallies(catalogue, { kommunId: 'nassjo', from: '2023-01-01', to: '2024-12-31' });
    const rows = completionRows(plan, [
      completion(walk, '2023-09-14'),
      completion(walk, '2023-10-01', { withdrawnAt: '2023-10-02T08:00:00.000Z', withdrawnReason: 'Fel datum' }),
      completion('tranas-2023-a6', '2023-10-01'),
    ]);
    const a = activity(summarizeTallies(catalogue, plan, rows, '2024-01-10'), walk);
    expect(a.cells['2023-Q3']!.count).toBe(1);
    expect(a.cells['2023-Q4']!.count).toBe(0);
    expect(a.bySource).toEqual({ completion: 1 });
    expect(a.target).toMatchObject({ count: 1, target: 1, status: 'achieved' });
  });

  it('shows activities without a number as a count only, and keeps LOB and PL apart', () => {
    const lob = 'nassjo-2023-a1';
    const days = [day(lob, 'lob', '2024-05-01', 2, { under18: 1, age18to21: 0, over21: 2 }), day(lob, 'pl', '2024-05-02', 1, { count: 3 })];
    const a = activity(summarizeTallies(catalogue, plan2024, rowsFromDays(plan2024, days), '2024-06-01'), lob);
    expect(a.target).toBeNull();
    expect(a.bySource).toEqual({ lob: 2, pl: 1 });
    expect(a.cells[RANGE_CELL]).toEqual({ count: 3, sums: { under18: 1, age18to21: 0, over21: 2, count: 3 } });
  });

  it('ignores rows of days outside the plan and rows that count nothing', () => {
    const days = [day(traffic, 'traffic_check', '2022-12-31', 5), day(traffic, 'traffic_check', '2025-01-01', 5), day(traffic, 'traffic_check', '2024-05-01', 0)];
    expect(rowsFromDays(plan2024, days)).toEqual([]);
  });
});
