import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketOf,
  bucketsBetween,
  daysInclusive,
  isLocalDate,
  localDate,
  localTime,
  parseBucketKey,
  startOfLocalDate,
  stockholmOffsetMinutes,
} from '../../../src/domain/calendar.ts';

const viaIntl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function intlLocal(ms: number): string {
  const p = Object.fromEntries(viaIntl.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe('Stockholm offsets', () => {
  it('agree with Intl every 37 minutes across 2019–2027, including both DST switches each year', () => {
    const start = Date.parse('2019-01-01T00:00:00Z');
    const end = Date.parse('2027-12-31T23:00:00Z');
    let checked = 0;
    for (let t = start; t < end; t += 37 * 60_000) {
      expect(`${localDate(t)} ${localTime(t)}`).toBe(intlLocal(t));
      checked++;
    }
    expect(checked).toBeGreaterThan(100_000);
  });

  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    expect(stockholmOffsetMinutes(Date.parse('2025-03-30T00:59:59Z'))).toBe(60);
    expect(stockholmOffsetMinutes(Date.parse('2025-03-30T01:00:00Z'))).toBe(120);
    expect(stockholmOffsetMinutes(Date.parse('2025-10-26T00:59:59Z'))).toBe(120);
    expect(stockholmOffsetMinutes(Date.parse('2025-10-26T01:00:00Z'))).toBe(60);
  });
});

describe('local dates', () => {
  it('puts New Year’s Eve late evening in the old year and midnight in the new', () => {
    expect(localDate('2024-12-31T22:59:59.999Z')).toBe('2024-12-31');
    expect(localDate('2024-12-31T23:00:00.000Z')).toBe('2025-01-01');
  });

  it('finds the UTC start of a local day in winter, summer and on switch days', () => {
    expect(new Date(startOfLocalDate('2025-01-01')).toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(new Date(startOfLocalDate('2025-07-01')).toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(new Date(startOfLocalDate('2025-03-30')).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(new Date(startOfLocalDate('2025-03-31')).toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(new Date(startOfLocalDate('2025-10-26')).toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(new Date(startOfLocalDate('2025-10-27')).toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('validates and steps dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysInclusive('2023-01-01', '2024-12-31')).toBe(731);
  });
});

describe('quarters and tertials', () => {
  it('cut the year at the right days', () => {
    expect(bucketOf('2025-03-31', 'quarter')).toMatchObject({ key: '2025-Q1', from: '2025-01-01', to: '2025-03-31' });
    expect(bucketOf('2025-04-01', 'quarter').key).toBe('2025-Q2');
    expect(bucketOf('2025-12-31', 'quarter')).toMatchObject({ key: '2025-Q4', to: '2025-12-31' });
    expect(bucketOf('2025-04-30', 'tertial')).toMatchObject({ key: '2025-T1', from: '2025-01-01', to: '2025-04-30' });
    expect(bucketOf('2025-05-01', 'tertial')).toMatchObject({ key: '2025-T2', to: '2025-08-31' });
    expect(bucketOf('2025-09-01', 'tertial')).toMatchObject({ key: '2025-T3', to: '2025-12-31' });
    expect(bucketOf('2024-02-10', 'quarter').to).toBe('2024-03-31');
    expect(bucketOf('2024-07-04', 'year')).toMatchObject({ key: '2024', from: '2024-01-01', to: '2024-12-31' });
  });

  it('an entry at 00:30 local on 1 April (22:30 UTC on 31 March) is in Q2', () => {
    expect(bucketOf(localDate('2025-03-31T22:30:00Z'), 'quarter').key).toBe('2025-Q2');
  });

  it('lists the buckets a period covers, starting mid-year', () => {
    expect(bucketsBetween('2019-04-25', '2020-12-31', 'quarter').map((b) => b.key)).toEqual([
      '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4',
    ]);
    expect(bucketsBetween('2023-01-01', '2024-12-31', 'tertial')).toHaveLength(6);
  });

  it('parses bucket keys and refuses nonsense', () => {
    expect(parseBucketKey('2025-T3')?.from).toBe('2025-09-01');
    expect(parseBucketKey('2025-Q4')?.to).toBe('2025-12-31');
    expect(parseBucketKey('2025')?.to).toBe('2025-12-31');
    expect(parseBucketKey('2025-T4')).toBeNull();
    expect(parseBucketKey('2025-Q5')).toBeNull();
  });
});
