// Coordinators' completions, outcome sums and the unsent-work rule.
import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../../src/domain/catalogue/seeds.ts';
import { checkCompletion, validateCompletionInput, derivedOutcomes, outcomesOf, isOverdue, oldestQueuedAgeMs, SHIFT_MS } from '../../../src/domain/tallies/index.ts';
import type { EntryContent } from '../../../src/domain/entry.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('completions', () => {
  it('accepts a kommun-owned activity done within the period', () => {
    expect(checkCompletion({ id: ID, activityId: 'nassjo-2023-a2', doneOn: '2023-09-14', note: '' }, SEED_CATALOGUE, '2024-01-01')).toEqual([]);
  });

  it('refuses what officers log, dates outside the period or in the future, and unknown activities', () => {
    const codes = (activityId: string, doneOn: string) => checkCompletion({ id: ID, activityId, doneOn, note: '' }, SEED_CATALOGUE, '2024-06-01').map((i) => i.code);
    expect(codes('nassjo-2023-a3', '2023-09-14')).toEqual(['logged_by_officers']);
    expect(codes('nassjo-2023-a2', '2022-12-31')).toEqual(['outside_period']);
    expect(codes('nassjo-2023-a2', '2024-06-02')).toEqual(['in_future']);
    expect(codes('nope', '2023-09-14')).toEqual(['unknown_activity']);
  });

  it('checks the shape and keeps personal data out of the note, in Swedish', () => {
    const bad = validateCompletionInput({ id: 'x', activityId: '', doneOn: '2023-02-30', note: 'Kontakt 19850101-1234' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.fromEntries(bad.issues.map((i) => [i.field, i.message]))).toEqual({
      id: 'Ogiltigt id.',
      activityId: 'Välj aktivitet.',
      doneOn: 'Ange datum som ÅÅÅÅ-MM-DD.',
      note: expect.stringContaining('personnummer'),
    });
    expect(validateCompletionInput({ id: ID, activityId: 'a', doneOn: '2023-02-28', note: '  Trygghetsvandring med fastighetsägare ' })).toEqual({
      ok: true,
      value: { id: ID, activityId: 'a', doneOn: '2023-02-28', note: 'Trygghetsvandring med fastighetsägare' },
    });
  });
});

describe('outcomes', () => {
  it('sums counts and counts yes-answers, per kind', () => {
    const drug = { kind: 'drug_operation', details: { personsChecked: 8, personsAged21OrYounger: 5, drugOffencesDetected: 3, drugOffencesAged21OrYounger: 2, intelligenceLed: true } } as unknown as EntryContent;
    expect(outcomesOf(drug)).toEqual({ personsChecked: 8, personsAged21OrYounger: 5, drugOffencesDetected: 3, drugOffencesAged21OrYounger: 2, intelligenceLed: 1 });
    expect(derivedOutcomes({ under18: 1, age18to21: 2, over21: 3 })).toMatchObject({ lobPersons: 6 });
    expect(derivedOutcomes({ vehiclesChecked: 4 })).toEqual({ vehiclesChecked: 4 });
  });
});

describe('unsent work', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  it('measures the oldest queued change to now and warns past one shift', () => {
    const d = (hoursAgo: number, queuedCount = 3) => ({ queuedCount, oldestQueuedAt: new Date(now - hoursAgo * 3600_000).toISOString() });
    expect(oldestQueuedAgeMs(d(2), now)).toBe(2 * 3600_000);
    expect(isOverdue(d(SHIFT_MS / 3600_000 - 1), now)).toBe(false);
    expect(isOverdue(d(SHIFT_MS / 3600_000 + 1), now)).toBe(true);
    expect(oldestQueuedAgeMs(d(30, 0), now)).toBeNull();
  });
});
