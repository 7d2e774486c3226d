// The shift lead's tallies from the device database, on a small case worked out by hand:
// quarter boundaries at local midnight in Europe/Stockholm, a void, a correction that
// moves an entry into the next quarter, an entry pulled from another device, completions.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, saveEntry, correctEntry, voidEntry, storePulledRevisions, saveCompletions, loadCompletions, type WriteContext } from '../../../src/db/index.ts';
import { computeTallies, loadDayCounts, entriesBehind } from '../../../src/db/tally-queries.ts';
import { SEED_CATALOGUE, withExamples } from '../../../src/domain/catalogue/index.ts';
import type { EntryContent } from '../../../src/domain/entry.ts';
import type { ActivityCompletion, ActivityTally, KommunTallies } from '../../../src/domain/tallies/index.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

const catalogue = withExamples(SEED_CATALOGUE);
const TODAY = '2025-07-15';
const A = (n: number) => `nassjo-2025-exempel-a${n}`;

let db: FieldLogDb;
const ctx: WriteContext = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-07-15T08:00:00Z') };
const ids: Record<string, string> = {};

const tc = (startedAt: string, vehicles: number, over: Partial<Extract<EntryContent, { kind: 'traffic_check' }>> = {}) =>
  trafficCheck({ startedAt, details: { focus: 'allman', vehiclesChecked: vehicles, breathTests: vehicles, reports: 0, suspectedImpaired: 0 }, ...over });

const drug = (startedAt: string, d: { personsChecked: number; personsAged21OrYounger: number; drugOffencesDetected: number; drugOffencesAged21OrYounger: number; intelligenceLed: boolean }): EntryContent => ({
  kind: 'drug_operation', kommunId: 'nassjo', promiseId: 'nassjo-2025-exempel', activityId: A(4), startedAt, utcOffsetMinutes: 60, durationMinutes: 120, place: 'Resecentrum', note: '', details: d,
});

const completion = (n: number, activityId: string, doneOn: string, over: Partial<ActivityCompletion> = {}): ActivityCompletion => ({
  id: `0190a1b2-0000-7000-8000-00000000000${n}`, kommunId: 'nassjo', promiseId: 'nassjo-2025-exempel', activityId, doneOn, note: '',
  recordedBy: 'u-s', recordedByName: 'Samordnare', recordedAt: `${doneOn}T12:00:00.000Z`, withdrawnAt: null, withdrawnReason: null, ...over,
});

const COMPLETIONS: ActivityCompletion[] = [
  completion(1, A(7), '2025-04-10'), // avstämningsmöte, Q2
  completion(2, A(7), '2025-05-05', { withdrawnAt: '2025-05-06T08:00:00.000Z', withdrawnReason: 'Ställdes in' }), // withdrawn: not counted
  completion(3, 'tranas-2025-exempel-a6', '2025-04-10', { kommunId: 'tranas', promiseId: 'tranas-2025-exempel' }), // another kommun
  completion(4, A(2), '2025-03-31'), // trygghetsvandring, Q1
];

beforeEach(async () => {
  db = new FieldLogDb(`tallies-${crypto.randomUUID()}`);
  await db.open();
  const save = async (name: string, content: EntryContent) => (ids[name] = (await saveEntry(db, content, ctx)).id);
  // Trafikkontroll (a3), 30 per year. Sweden is on summer time from 30 March 2025 (UTC+2).
  await save('before', tc('2024-12-31T22:59:00.000Z', 1000)); // 23:59 on 31 Dec 2024: before the period
  await save('newYear', tc('2024-12-31T23:30:00.000Z', 30)); // 00:30 on 1 Jan 2025: Q1
  await save('lastOfQ1', tc('2025-03-31T21:59:59.000Z', 10)); // 23:59:59 on 31 March: Q1
  await save('firstOfQ2', tc('2025-03-31T22:00:00.000Z', 20)); // 00:00 on 1 April: Q2
  await save('voided', tc('2025-05-10T10:00:00.000Z', 100)); // Q2, withdrawn below
  await save('moved', tc('2025-06-30T21:30:00.000Z', 40)); // 23:30 on 30 June: Q2, corrected below
  await save('nextYear', tc('2025-12-31T23:10:00.000Z', 7)); // 00:10 on 1 Jan 2026: after the range
  await save('tranas', tc('2025-05-10T10:00:00.000Z', 9, { kommunId: 'tranas', promiseId: 'tranas-2025-exempel', activityId: 'tranas-2025-exempel-a1' }));
  // LOB och PL (a1): one activity, two kinds, no target.
  await save('lob', lob({ startedAt: '2025-06-14T22:10:00.000Z', details: { under18: 1, age18to21: 0, over21: 2 } })); // 00:10 on 15 June: Q2
  await save('pl', { ...lob(), kind: 'pl', startedAt: '2025-02-01T12:00:00.000Z', details: { count: 3, type: 'avvisning' } }); // Q1
  // Riktad narkotikainsats (a4), 15 per year: one here, one pulled from another device.
  await save('drug', drug('2025-02-15T10:00:00.000Z', { personsChecked: 8, personsAged21OrYounger: 5, drugOffencesDetected: 3, drugOffencesAged21OrYounger: 2, intelligenceLed: true }));
  await voidEntry(db, ids['voided']!, 'Dubbelregistrering', ctx);
  await storePulledRevisions(db, [
    {
      id: '0190a1b2-0000-7000-8000-0000000000aa', rev: 1, op: 'upsert', voidReason: null, officerId: 'o2', deviceId: 'd2', clientTime: '2025-07-10T19:00:00.000Z', serverTime: '2025-07-10T19:00:01.000Z', serverSeq: 1,
      content: drug('2025-07-10T18:00:00.000Z', { personsChecked: 4, personsAged21OrYounger: 4, drugOffencesDetected: 1, drugOffencesAged21OrYounger: 1, intelligenceLed: false }), // Q3
    },
  ]);
});

const activity = (t: KommunTallies, id: string): ActivityTally => t.promises.flatMap((p) => p.activities).find((a) => a.activityId === id)!;
const counts = (a: ActivityTally, keys: string[]) => keys.map((k) => a.cells[k]?.count);
const YEAR = { kommunId: 'nassjo', from: '2025-01-01', to: '2025-12-31' };

describe('computeTallies', () => {
  it('counts a year by quarter: boundaries at local midnight, the void out, the correction in its new quarter', async () => {
    const before = await computeTallies(db, catalogue, YEAR, TODAY, COMPLETIONS);
    expect(counts(activity(before, A(3)), ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])).toEqual([2, 2, 0, 0]);

    // 23:30 → 00:30 local: the entry moves from 30 June (Q2) to 1 July (Q3).
    await correctEntry(db, ids['moved']!, tc('2025-06-30T22:30:00.000Z', 45), ctx);
    const t = await computeTallies(db, catalogue, YEAR, TODAY, COMPLETIONS);
    expect(t).toMatchObject({ kommunId: 'nassjo', grain: 'quarter', from: '2025-01-01', to: '2025-12-31', asOf: TODAY });
    expect(t.promises.map((p) => [p.promiseId, p.buckets])).toEqual([['nassjo-2025-exempel', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']]]);

    const traffic = activity(t, A(3));
    expect(counts(traffic, ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025', 'period', 'range'])).toEqual([2, 1, 1, 0, 4, 4, 4]);
    // Q1: 30 + 10 vehicles; Q2: 20; Q3: the corrected 45 (not the first 40); the voided 100 nowhere.
    expect(traffic.cells['2025-Q1']!.sums).toEqual({ vehiclesChecked: 40, breathTests: 40, reports: 0, suspectedImpaired: 0 });
    expect(traffic.cells['2025-Q3']!.sums['vehiclesChecked']).toBe(45);
    expect(traffic.cells['2025']!.sums['vehiclesChecked']).toBe(105);
    expect(traffic.bySource).toEqual({ traffic_check: 4 });
    // 30 per year; 1 Jan – 15 July is 196 of 365 days: 30 × 196 / 365 = 16.1 expected, 4 counted.
    expect(traffic.target).toEqual({ window: { from: '2025-01-01', to: '2025-12-31', scope: 'year' }, target: 30, count: 4, expected: 16.1, status: 'behind' });

    const lobPl = activity(t, A(1));
    expect(counts(lobPl, ['2025-Q1', '2025-Q2', '2025'])).toEqual([1, 1, 2]);
    expect(lobPl.cells['2025']!.sums).toEqual({ under18: 1, age18to21: 0, over21: 2, count: 3 });
    expect(lobPl.bySource).toEqual({ lob: 1, pl: 1 });
    expect(lobPl.target).toBeNull();

    const drugs = activity(t, A(4));
    expect(counts(drugs, ['2025-Q1', '2025-Q3', '2025'])).toEqual([1, 1, 2]);
    expect(drugs.cells['2025']!.sums).toEqual({ personsChecked: 12, personsAged21OrYounger: 9, drugOffencesDetected: 4, drugOffencesAged21OrYounger: 3, intelligenceLed: 1 });
    // 15 × 196 / 365 = 8.05…: 2 is behind.
    expect(drugs.target).toMatchObject({ count: 2, expected: 8.1, status: 'behind' });

    // Avstämningsmöte (a7), 2 per year: one completion counts (the withdrawn one and Tranås' do not).
    const meetings = activity(t, A(7));
    expect(counts(meetings, ['2025-Q2', '2025'])).toEqual([1, 1]);
    expect(meetings.bySource).toEqual({ completion: 1 });
    // 2 × 196 / 365 = 1.07: one meeting is on track.
    expect(meetings.target).toMatchObject({ count: 1, expected: 1.1, status: 'on_track' });
    // Trygghetsvandring (a2), once in the period: done on 31 March.
    expect(activity(t, A(2)).target).toMatchObject({ window: { scope: 'period', from: '2025-01-01', to: '2026-12-31' }, count: 1, status: 'achieved' });
  });

  it('a past quarter counts nothing after it and judges as of its last day', async () => {
    await correctEntry(db, ids['moved']!, tc('2025-06-30T22:30:00.000Z', 45), ctx);
    const q2 = await computeTallies(db, catalogue, { kommunId: 'nassjo', from: '2025-05-01', to: '2025-05-01' }, TODAY, COMPLETIONS);
    expect(q2).toMatchObject({ from: '2025-04-01', to: '2025-06-30', asOf: '2025-06-30' });
    const traffic = activity(q2, A(3));
    expect(counts(traffic, ['2025-Q1', '2025-Q2', 'range', '2025'])).toEqual([2, 1, 1, 3]);
    expect(traffic.cells['2025-Q3']).toBeUndefined();
    // 1 Jan – 30 June is 181 days: 30 × 181 / 365 = 14.9.
    expect(traffic.target).toMatchObject({ count: 3, expected: 14.9, status: 'behind' });
  });
});

describe('loadDayCounts and entriesBehind', () => {
  it('reads the day rows of one kommun between two days, both included', async () => {
    const rows = await loadDayCounts(db, 'nassjo', '2025-03-31', '2025-04-01');
    expect(rows.map((r) => [r.day, r.activityId, r.kind, r.count])).toEqual([
      ['2025-03-31', A(3), 'traffic_check', 1],
      ['2025-04-01', A(3), 'traffic_check', 1],
    ]);
    expect((await loadDayCounts(db, 'tranas', '2025-01-01', '2025-12-31')).map((r) => r.count)).toEqual([1]);
    expect(await loadDayCounts(db, 'vetlanda', '2025-01-01', '2025-12-31')).toEqual([]);
  });

  it('lists the live entries behind a figure, newest first', async () => {
    await correctEntry(db, ids['moved']!, tc('2025-06-30T22:30:00.000Z', 45), ctx);
    const q2 = await entriesBehind(db, { kommunId: 'nassjo', activityId: A(3), from: '2025-04-01', to: '2025-06-30' });
    expect(q2.map((h) => h.id)).toEqual([ids['firstOfQ2']]);
    const year = await entriesBehind(db, { kommunId: 'nassjo', activityId: A(3), from: '2025-01-01', to: '2025-12-31' });
    expect(year.map((h) => h.id)).toEqual([ids['moved'], ids['firstOfQ2'], ids['lastOfQ1'], ids['newYear']]);
    expect(year[0]).toMatchObject({ rev: 2, localDay: '2025-07-01' });
  });
});

describe('the completions copy', () => {
  it('is kept with its ETag and replaced whole', async () => {
    expect(await loadCompletions(db)).toBeNull();
    await saveCompletions(db, COMPLETIONS, '"c1"');
    expect(await loadCompletions(db)).toEqual({ completions: COMPLETIONS, etag: '"c1"' });
    await saveCompletions(db, [], null);
    expect(await loadCompletions(db)).toEqual({ completions: [], etag: null });
  });
});
