// The seed catalogue as a whole, the example periods, and renewing a promise.
import { describe, it, expect } from 'vitest';
import {
  SEED_CATALOGUE,
  EXAMPLE_PERIOD,
  ENTRY_KINDS,
  activePromise,
  findPromise,
  loggableActivities,
  promisesOf,
  renewPromise,
  withExamples,
  type CitizenPromise,
} from '../../../src/domain/catalogue/index.ts';
import { isLocalDate } from '../../../src/domain/calendar.ts';

const DAY = '2026-11-20';
const allIds = (c: typeof SEED_CATALOGUE): string[] =>
  c.promises.flatMap((p) => [p.id, ...p.commitments.map((x) => x.id), ...p.activities.map((x) => x.id)]);

describe('seed catalogue', () => {
  it('holds the four kommuner of Höglandet that have documents, and their five promises', () => {
    expect(SEED_CATALOGUE.policeAreas).toEqual([{ id: 'hoglandet', name: 'Lokalpolisområde Höglandet' }]);
    expect(SEED_CATALOGUE.kommuner.map((k) => [k.id, k.name, k.policeAreaId])).toEqual([
      ['nassjo', 'Nässjö', 'hoglandet'],
      ['tranas', 'Tranås', 'hoglandet'],
      ['savsjo', 'Sävsjö', 'hoglandet'],
      ['vetlanda', 'Vetlanda', 'hoglandet'],
    ]);
    expect(SEED_CATALOGUE.promises.map((p) => p.id).sort()).toEqual(
      ['nassjo-2019', 'nassjo-2023', 'savsjo-2023', 'tranas-2023', 'vetlanda-2020'],
    );
  });

  it('has ids that are unique across the catalogue', () => {
    const ids = allIds(SEED_CATALOGUE);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('links every commitment and activity to its own promise, and activities only to its commitments', () => {
    for (const p of SEED_CATALOGUE.promises) {
      const commitmentIds = new Set(p.commitments.map((c) => c.id));
      for (const c of p.commitments) expect(c.promiseId).toBe(p.id);
      for (const a of p.activities) {
        expect(a.promiseId).toBe(p.id);
        if (a.commitmentId !== null) expect(commitmentIds.has(a.commitmentId), a.id).toBe(true);
      }
    }
  });

  it('lets officers log only police-owned or joint activities, and only known entry kinds', () => {
    for (const p of SEED_CATALOGUE.promises) {
      for (const a of p.activities) {
        for (const k of a.entryKinds) expect(ENTRY_KINDS).toContain(k);
        expect(new Set(a.entryKinds).size).toBe(a.entryKinds.length);
        if (a.entryKinds.length > 0) expect(['polisen', 'gemensam'], a.id).toContain(a.owner);
        if (a.owner === 'kommunen') expect(a.entryKinds, a.id).toEqual([]);
      }
      expect(loggableActivities(p).length).toBeGreaterThan(0);
    }
  });

  it('has well-formed targets and dates', () => {
    for (const p of SEED_CATALOGUE.promises) {
      expect(isLocalDate(p.validFrom)).toBe(true);
      expect(isLocalDate(p.validTo)).toBe(true);
      expect(p.validFrom <= p.validTo).toBe(true);
      if (p.signedOn !== null) expect(p.signedOn).toBe(p.validFrom);
      expect(p.title).toMatch(/^Medborgarlöfte \d{4}–\d{4}$/);
      for (const a of p.activities) {
        if (a.target.kind === 'count') {
          expect(Number.isInteger(a.target.count) && a.target.count > 0).toBe(true);
          // An unstated period is always read as the whole period, never per year.
          if (!a.target.perStated) expect(a.target.per).toBe('period');
        }
      }
    }
  });

  it('gives every kommun at least one published real promise', () => {
    for (const k of SEED_CATALOGUE.kommuner) {
      const real = promisesOf(SEED_CATALOGUE, k.id).filter((p) => !p.example && p.status === 'published');
      expect(real.length, k.id).toBeGreaterThanOrEqual(1);
    }
    for (const p of SEED_CATALOGUE.promises) {
      expect(p.status).toBe('published');
      expect(p.example).toBe(false);
      expect(p.version).toBe(1);
      expect(p.source).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    }
  });

  it('has no seed promise in force on 2026-11-20', () => {
    for (const k of SEED_CATALOGUE.kommuner) expect(activePromise(SEED_CATALOGUE, k.id, DAY)).toBeNull();
  });

  it('finds the promise in force on a date inside each real period', () => {
    expect(activePromise(SEED_CATALOGUE, 'nassjo', '2019-04-24')).toBeNull();
    expect(activePromise(SEED_CATALOGUE, 'nassjo', '2019-04-25')?.id).toBe('nassjo-2019');
    expect(activePromise(SEED_CATALOGUE, 'nassjo', '2024-06-01')?.id).toBe('nassjo-2023');
    expect(activePromise(SEED_CATALOGUE, 'tranas', '2023-01-01')?.id).toBe('tranas-2023');
    expect(activePromise(SEED_CATALOGUE, 'savsjo', '2024-12-31')?.id).toBe('savsjo-2023');
    expect(activePromise(SEED_CATALOGUE, 'vetlanda', '2021-12-31')?.id).toBe('vetlanda-2020');
    expect(activePromise(SEED_CATALOGUE, 'vetlanda', '2022-01-01')).toBeNull();
  });
});

describe('withExamples', () => {
  const before = JSON.stringify(SEED_CATALOGUE);
  const demo = withExamples(SEED_CATALOGUE);

  it('does not change the catalogue it is given', () => {
    expect(JSON.stringify(SEED_CATALOGUE)).toBe(before);
    expect(demo).not.toBe(SEED_CATALOGUE);
    expect(demo.promises.length).toBe(SEED_CATALOGUE.promises.length + SEED_CATALOGUE.kommuner.length);
  });

  it('gives each kommun an active example promise on 2026-11-20 mirroring its latest real period', () => {
    const latestReal: Record<string, string> = {
      nassjo: 'nassjo-2023',
      tranas: 'tranas-2023',
      savsjo: 'savsjo-2023',
      vetlanda: 'vetlanda-2020',
    };
    for (const k of demo.kommuner) {
      const p = activePromise(demo, k.id, DAY)!;
      expect(p, k.id).not.toBeNull();
      expect(p.id).toBe(`${k.id}-2025-exempel`);
      expect(p.example).toBe(true);
      expect(p.status).toBe('published');
      expect(p.signedOn).toBeNull();
      expect(p.title).toBe('Medborgarlöfte 2025–2026 (exempel)');
      expect([p.validFrom, p.validTo]).toEqual([EXAMPLE_PERIOD.validFrom, EXAMPLE_PERIOD.validTo]);

      const real = findPromise(demo, latestReal[k.id]!)!;
      expect(p.source).toBe(real.id);
      expect(p.reportingPeriod).toBe(real.reportingPeriod);
      expect(p.commitments.map((c) => c.text)).toEqual(real.commitments.map((c) => c.text));
      const shape = (x: CitizenPromise) =>
        x.activities.map((a) => ({
          kind: a.kind,
          owner: a.owner,
          entryKinds: a.entryKinds,
          target: a.target,
          focus: a.focus,
          title: a.title,
          text: a.text,
          commitment: a.commitmentId === null ? null : x.commitments.findIndex((c) => c.id === a.commitmentId),
        }));
      expect(shape(p)).toEqual(shape(real));
    }
  });

  it('keeps ids unique and is idempotent', () => {
    const ids = allIds(demo);
    expect(new Set(ids).size).toBe(ids.length);
    expect(withExamples(demo).promises.length).toBe(demo.promises.length);
  });
});

describe('renewPromise', () => {
  const previous = findPromise(SEED_CATALOGUE, 'nassjo-2023')!;
  const before = JSON.stringify(previous);

  it('copies commitments and activities in order under new ids', () => {
    const next = renewPromise(previous, { id: 'nassjo-2025', validFrom: '2025-03-01', validTo: '2026-12-31', signedOn: '2025-03-01' });
    expect(JSON.stringify(previous)).toBe(before);
    expect(next).toMatchObject({
      id: 'nassjo-2025',
      kommunId: 'nassjo',
      title: 'Medborgarlöfte 2025–2026',
      validFrom: '2025-03-01',
      validTo: '2026-12-31',
      signedOn: '2025-03-01',
      reportingPeriod: previous.reportingPeriod,
      status: 'draft',
      example: false,
      source: 'nassjo-2023',
      version: 1,
    });
    expect(next.commitments.map((c) => c.id)).toEqual(['nassjo-2025-c1', 'nassjo-2025-c2', 'nassjo-2025-c3']);
    expect(next.commitments.map((c) => c.text)).toEqual(previous.commitments.map((c) => c.text));
    expect(next.activities.map((a) => a.id)).toEqual(previous.activities.map((_, i) => `nassjo-2025-a${i + 1}`));
    next.activities.forEach((a, i) => {
      const old = previous.activities[i]!;
      expect(a.promiseId).toBe('nassjo-2025');
      expect(a.commitmentId).toBe(old.commitmentId === null ? null : old.commitmentId.replace('nassjo-2023', 'nassjo-2025'));
      expect([a.kind, a.owner, a.title, a.text]).toEqual([old.kind, old.owner, old.title, old.text]);
      expect(a.entryKinds).toEqual(old.entryKinds);
      expect(a.entryKinds).not.toBe(old.entryKinds);
      expect(a.target).toEqual(old.target);
      expect(a.target).not.toBe(old.target);
    });
  });

  it('keeps a traffic focus and takes title, status and example from the options', () => {
    const vetlanda = findPromise(SEED_CATALOGUE, 'vetlanda-2020')!;
    const next = renewPromise(vetlanda, {
      id: 'vetlanda-2022',
      validFrom: '2022-01-01',
      validTo: '2023-12-31',
      signedOn: null,
      title: 'Medborgarlöfte 2022–2023 (utkast)',
      status: 'published',
      example: true,
    });
    expect(next.activities.find((a) => a.kind === 'traffic_check')?.focus).toBe('beteende');
    expect(next.activities.filter((a) => a.focus !== undefined)).toHaveLength(1);
    expect([next.title, next.status, next.example, next.signedOn]).toEqual(['Medborgarlöfte 2022–2023 (utkast)', 'published', true, null]);
  });

  it('rejects reversed or malformed dates with a Swedish message', () => {
    const renew = (validFrom: string, validTo: string, signedOn: string | null = null) => () =>
      renewPromise(previous, { id: 'nassjo-2025', validFrom, validTo, signedOn });
    expect(renew('2026-12-31', '2025-01-01')).toThrow(/ligger efter slutdatumet/);
    expect(renew('2025-02-30', '2026-12-31')).toThrow(/Ogiltigt startdatum/);
    expect(renew('2025-01-01', '2026-13-01')).toThrow(/Ogiltigt slutdatum/);
    expect(renew('25-01-01', '2026-12-31')).toThrow(/Ogiltigt startdatum/);
    expect(renew('2025-01-01', '2026-12-31', '2025-1-1')).toThrow(/undertecknande/);
    expect(() => renewPromise(previous, { id: ' ', validFrom: '2025-01-01', validTo: '2026-12-31', signedOn: null })).toThrow(/saknar id/);
    // A one-day period is allowed.
    expect(renew('2025-01-01', '2025-01-01')().validTo).toBe('2025-01-01');
  });
});
