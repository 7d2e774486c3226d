import { describe, expect, it } from 'vitest';
import { validateEntryContent, validateVoidReason } from '../../../src/domain/validation.ts';
import { findPersonalData } from '../../../src/domain/personal-data.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';

function fields(input: unknown): string[] {
  const r = validateEntryContent(input);
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
}

describe('entry validation', () => {
  it('accepts a valid entry of each kind and trims text', () => {
    const r = validateEntryContent(trafficCheck({ place: '  Rv 31  ' }));
    expect(r.ok && r.value.place).toBe('Rv 31');
    expect(validateEntryContent(lob()).ok).toBe(true);
  });

  it('normalises the start time to one canonical ISO form', () => {
    const r = validateEntryContent(trafficCheck({ startedAt: '2025-03-01T07:30:00Z' }));
    expect(r.ok && r.value.startedAt).toBe('2025-03-01T07:30:00.000Z');
  });

  it('reports each bad field with a Swedish message', () => {
    const r = validateEntryContent(trafficCheck({ place: '', details: { focus: 'allman', vehiclesChecked: -1, breathTests: 1.5, reports: 0, suspectedImpaired: 0 } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field).sort()).toEqual(['details.breathTests', 'details.vehiclesChecked', 'place']);
    expect(r.issues.find((i) => i.field === 'place')?.message).toMatch(/Ange plats/);
  });

  it('refuses parts larger than their whole', () => {
    expect(fields(trafficCheck({ details: { focus: 'allman', vehiclesChecked: 2, breathTests: 2, reports: 0, suspectedImpaired: 3 } }))).toEqual(['details.suspectedImpaired:check']);
  });

  it('needs at least one person in a LOB entry', () => {
    expect(fields(lob({ details: { under18: 0, age18to21: 0, over21: 0 } }))).toEqual(['details.over21:check']);
  });

  it('refuses unknown fields, wrong types and unknown kinds', () => {
    expect(fields({ ...trafficCheck(), officer: 'x' })).toEqual(['officer:unknown_field']);
    expect(fields({ ...trafficCheck(), durationMinutes: '60' })).toContain('durationMinutes:number');
    expect(fields({ ...trafficCheck(), kind: 'parkering' })).toEqual(['kind:variant']);
    expect(fields('not an object')).toHaveLength(1);
    expect(fields(trafficCheck({ startedAt: '2025-02-30T10:00:00Z' }))).toEqual(['startedAt:check']);
  });

  it('refuses personal data in the note and the place', () => {
    expect(fields(trafficCheck({ note: 'Förare 850101-1234 blåste 0,3' }))).toEqual(['note:personal_data']);
    expect(fields(trafficCheck({ place: 'Utanför ABC 123' }))).toEqual(['place:personal_data']);
  });

  it('needs a reason to withdraw', () => {
    expect(validateVoidReason('').ok).toBe(false);
    expect(validateVoidReason('Dubbelregistrerad').ok).toBe(true);
  });
});

describe('personal data guard', () => {
  it.each([
    ['850101-1234', 'personnummer'],
    ['19850101-1234', 'personnummer'],
    ['198501011234', 'personnummer'],
    ['8501011234', 'personnummer'],
    ['850161-1234', 'personnummer'], // samordningsnummer
    ['ABC123', 'registration_number'],
    ['abc 12d', 'registration_number'],
    ['reg ABC-123 stoppad', 'registration_number'],
  ])('finds %s', (text, finding) => {
    expect(findPersonalData(text)).toBe(finding);
  });

  it.each(['40 fordon, 2 rapporter', 'Rv 31 norr', 'E4 vid Gränna', 'kl 22:30–23:45', 'LOB 1 person 18-21', '2025-03-01', '112 larm', 'Storgatan 12'])(
    'lets %s through',
    (text) => {
      expect(findPersonalData(text)).toBeNull();
    },
  );
});
