// Which periods the dashboard offers, and what a period key stands for.
import { describe, expect, it } from 'vitest';
import { promisesOf } from '../../src/domain/catalogue/lookup.ts';
import { defaultPeriodKey, periodOptions, referencePromise, reportKeyFor, resolvePeriod, WHOLE_PERIOD } from '../../src/ui/features/tallies/periods.ts';
import { catalogue } from './harness.tsx';

describe('periods', () => {
  it('offers the years of every promise so far, the buckets of the one in force, and its whole period', () => {
    const promise = referencePromise(catalogue, 'savsjo', '2025-09-10')!;
    expect(promise.id).toBe('savsjo-2025-exempel');
    const options = periodOptions(promisesOf(catalogue, 'savsjo'), promise, '2025-09-10');
    expect(options.map((o) => o.key)).toEqual(['2025', '2024', '2023', '2025-T3', '2025-T2', '2025-T1', WHOLE_PERIOD]);
    expect(options.map((o) => o.label)).toEqual(['2025 (i år)', '2024', '2023', 'Tertial 3 2025', 'Tertial 2 2025', 'Tertial 1 2025', 'Hela löfteperioden 2025–2026']);
    expect(defaultPeriodKey(promise, '2025-09-10')).toBe('2025');
  });

  it('follows up an ended promise on its last year', () => {
    const promise = referencePromise({ ...catalogue, promises: catalogue.promises.filter((p) => !p.example) }, 'nassjo', '2026-03-01')!;
    expect(promise.id).toBe('nassjo-2023');
    expect(defaultPeriodKey(promise, '2026-03-01')).toBe('2024');
    expect(reportKeyFor(WHOLE_PERIOD, promise, '2026-03-01')).toBe('2024');
  });

  it('resolves keys to dates and a grain', () => {
    expect(resolvePeriod('2025-Q3', null)).toEqual({ key: '2025-Q3', label: 'Kvartal 3 2025', from: '2025-07-01', to: '2025-09-30', by: 'quarter' });
    expect(resolvePeriod('2026-T1', null)).toMatchObject({ from: '2026-01-01', to: '2026-04-30', by: 'tertial' });
    expect(resolvePeriod('2025', null)).toEqual({ key: '2025', label: '2025', from: '2025-01-01', to: '2025-12-31' });
    expect(resolvePeriod('2025-T4', null)).toBeNull();
    expect(resolvePeriod(WHOLE_PERIOD, null)).toBeNull();
  });
});
