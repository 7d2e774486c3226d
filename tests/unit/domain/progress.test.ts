import { describe, expect, it } from 'vitest';
import { progressLabel, progressWindow, tallyKeyOf } from '../../../src/domain/progress.ts';
import { SEED_CATALOGUE, findPromise } from '../../../src/domain/catalogue/index.ts';

const nassjo2019 = findPromise(SEED_CATALOGUE, 'nassjo-2019')!;
const vetlanda2020 = findPromise(SEED_CATALOGUE, 'vetlanda-2020')!;
const meetings = nassjo2019.activities.find((a) => a.kind === 'joint_meeting')!; // 2 per year
const inspections = vetlanda2020.activities.find((a) => a.kind === 'vehicle_inspection')!; // 15, period not stated

describe('home-screen progress', () => {
  it('counts a per-year target over this calendar year, clipped to a period that began mid-year', () => {
    const w = progressWindow(meetings, nassjo2019, '2019-06-01');
    expect(w.scope).toBe('year');
    // 2019-04-25 00:00 in Stockholm (summer time) to 2020-01-01 00:00 (winter time).
    expect(w.range).toEqual({ from: '2019-04-24T22:00:00.000Z', to: '2019-12-31T23:00:00.000Z' });
    expect(progressWindow(meetings, nassjo2019, '2020-03-01').range.from).toBe('2019-12-31T23:00:00.000Z');
  });

  it('counts a whole-period target over the whole period', () => {
    const w = progressWindow(inspections, vetlanda2020, '2021-05-01');
    expect(w).toEqual({ scope: 'period', range: { from: '2019-12-31T23:00:00.000Z', to: '2021-12-31T23:00:00.000Z' } });
  });

  it('labels figures the way officers read them', () => {
    expect(progressLabel(meetings, 1, 'year')).toBe('1 / 2 i år');
    expect(progressLabel(inspections, 7, 'period')).toBe('7 / 15 under perioden');
    const noNumber = vetlanda2020.activities.find((a) => a.target.kind === 'none')!;
    expect(progressLabel(noNumber, 12, 'year')).toBe('12 i år');
  });

  it('a voided entry has no tally key; a live one is keyed by activity and kind', () => {
    const content = { activityId: 'a1', kind: 'lob' };
    expect(tallyKeyOf({ op: 'upsert', content })).toBe('a1|lob');
    expect(tallyKeyOf({ op: 'void', content })).toBeUndefined();
  });
});
