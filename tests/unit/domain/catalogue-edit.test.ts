// The rules a coordinator's period must meet, and what ids and periods the editor gets.
import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../../src/domain/catalogue/seeds.ts';
import { withExamples } from '../../../src/domain/catalogue/demo.ts';
import { findPromise } from '../../../src/domain/catalogue/lookup.ts';
import { buildPromise, correctionIssues, newPromiseId, nextPeriod, overlapIssues, publishIssues, toDraftInput, validatePromiseDraft, type PromiseDraftInput } from '../../../src/domain/catalogue/edit.ts';

const CATALOGUE = withExamples(SEED_CATALOGUE);
const nassjo2023 = findPromise(CATALOGUE, 'nassjo-2023')!;

function draft(over: Partial<PromiseDraftInput> = {}): PromiseDraftInput {
  return { ...toDraftInput(nassjo2023), validFrom: '2027-01-01', validTo: '2028-12-31', signedOn: '2026-12-15', title: 'Medborgarlöfte 2027–2028', ...over };
}

function messages(input: unknown): Record<string, string> {
  const r = validatePromiseDraft(input);
  return r.ok ? {} : Object.fromEntries(r.issues.map((i) => [i.field, i.message]));
}

describe('validatePromiseDraft', () => {
  it('accepts a real promise turned back into a draft', () => {
    expect(validatePromiseDraft(draft()).ok).toBe(true);
  });

  it('says in Swedish what is wrong, on the field', () => {
    const d = draft({ validFrom: '2028-01-01', validTo: '2027-12-31' });
    d.activities[2] = { ...d.activities[2]!, target: { kind: 'count', count: 0, per: 'year', perStated: true } };
    d.activities[3] = { ...d.activities[3]!, owner: '' as never };
    d.activities[4] = { ...d.activities[4]!, target: { kind: 'count', count: 2.5, per: 'period', perStated: true } };
    expect(messages(d)).toEqual({
      validTo: 'Slutdatumet ligger före startdatumet.',
      'activities.2.target.count': 'Målet ska vara ett positivt heltal.',
      'activities.3.owner': 'Ange vem som ansvarar för aktiviteten.',
      'activities.4.target.count': 'Målet ska vara ett positivt heltal.',
    });
  });

  it('refuses a kommun-owned activity that officers would log, and a dangling commitment', () => {
    const d = draft();
    d.activities[1] = { ...d.activities[1]!, entryKinds: ['presence'] };
    d.activities[0] = { ...d.activities[0]!, commitmentIndex: 9 };
    expect(Object.values(messages(d))).toEqual(expect.arrayContaining(['En aktivitet som kommunen ansvarar för kan inte registreras av poliser.', 'En aktivitet pekar på ett åtagande som inte finns.']));
  });
});

describe('periods and ids', () => {
  it('finds an overlap with a published period of the same kommun only', () => {
    expect(overlapIssues({ id: 'x', kommunId: 'nassjo', validFrom: '2026-07-01', validTo: '2027-06-30' }, CATALOGUE)[0]?.message).toBe(
      'Perioden överlappar "Medborgarlöfte 2025–2026 (exempel)" (2025-01-01 – 2026-12-31) för samma kommun.',
    );
    expect(overlapIssues({ id: 'x', kommunId: 'nassjo', validFrom: '2027-01-01', validTo: '2028-12-31' }, CATALOGUE)).toEqual([]);
    expect(overlapIssues({ id: 'nassjo-2025-exempel', kommunId: 'nassjo', validFrom: '2025-01-01', validTo: '2026-12-31' }, CATALOGUE)).toEqual([]);
  });

  it('proposes the next period of the same length, and a free id', () => {
    expect(nextPeriod({ validFrom: '2025-01-01', validTo: '2026-12-31' })).toEqual({ validFrom: '2027-01-01', validTo: '2028-12-31' });
    expect(nextPeriod({ validFrom: '2020-01-01', validTo: '2020-12-31' })).toEqual({ validFrom: '2021-01-01', validTo: '2021-12-31' });
    expect(newPromiseId('nassjo', '2023-01-01', (id) => id === 'nassjo-2023')).toBe('nassjo-2023-2');
    expect(newPromiseId('nassjo', '2027-01-01', () => false)).toBe('nassjo-2027');
  });

  it('keeps existing ids on a correction and numbers new activities after the highest', () => {
    const d = toDraftInput(nassjo2023);
    d.activities.push({ ...d.activities[0]!, id: undefined, title: 'Ny' });
    const p = buildPromise('nassjo-2023', d, nassjo2023);
    expect(p.activities.map((a) => a.id)).toEqual([...nassjo2023.activities.map((a) => a.id), 'nassjo-2023-a8']);
    expect(p.activities[0]!.commitmentId).toBe('nassjo-2023-c1');
    expect(publishIssues({ ...p, activities: [] })[0]?.code).toBe('no_activities');
  });

  it('refuses a correction that removes a logged activity, a kind in use, or days with entries', () => {
    const after = buildPromise('nassjo-2023', { ...toDraftInput(nassjo2023), validFrom: '2023-03-01' }, nassjo2023);
    after.activities = after.activities.filter((a) => a.id !== 'nassjo-2023-a3');
    after.activities[0] = { ...after.activities[0]!, entryKinds: ['lob'] };
    const used = { activityKinds: new Map([['nassjo-2023-a3', new Set(['traffic_check'])], ['nassjo-2023-a1', new Set(['lob', 'pl'])]]), firstDay: '2023-02-01', lastDay: '2024-12-30' };
    expect(correctionIssues(nassjo2023, after, used).map((i) => i.code)).toEqual(['activity_in_use', 'kind_in_use', 'period_in_use']);
  });
});
