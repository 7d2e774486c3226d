// Nässjö 2023–2024 as encoded in the seed catalogue, checked against its document.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED_CATALOGUE, findPromise, type Target } from '../../../src/domain/catalogue/index.ts';

const FILE = '000_a63962d76dd2b12d.txt';
const doc = readFileSync(new URL(`../../../../shared/seeds/${FILE}`, import.meta.url), 'utf8');
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The bullet lines ("•" or "-") between two headings, trimmed, bold markup removed. */
function bullets(from: string, to: string): string[] {
  const start = doc.indexOf(from);
  const end = doc.indexOf(to, start + from.length);
  expect(start, `"${from}" in ${FILE}`).toBeGreaterThanOrEqual(0);
  expect(end, `"${to}" in ${FILE}`).toBeGreaterThan(start);
  return doc
    .slice(start + from.length, end)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[•-]\s/.test(l))
    .map((l) => l.replace(/^[•-]\s+/, '').replace(/\*\*/g, '').trim());
}

const promise = findPromise(SEED_CATALOGUE, 'nassjo-2023')!;
const perYear = (count: number): Target => ({ kind: 'count', count, per: 'year', perStated: true });
const noPeriod = (count: number): Target => ({ kind: 'count', count, per: 'period', perStated: false });
const none: Target = { kind: 'none' };

describe(`Nässjö 2023–2024 (${FILE})`, () => {
  it('is the published, real promise for Nässjö from that document', () => {
    expect(promise).toBeDefined();
    expect(promise.kommunId).toBe('nassjo');
    expect(promise.source).toBe(FILE);
    expect(promise.status).toBe('published');
    expect(promise.example).toBe(false);
    expect(promise.version).toBe(1);
    expect(promise.title).toBe('Medborgarlöfte 2023–2024');
    expect(doc).toContain('Medborgarlöfte 2023–2024');
  });

  it('runs 2023–2024; no signing date is given', () => {
    expect(doc).toContain('från och med under tecknandet');
    expect(doc).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(promise.signedOn).toBeNull();
    expect(promise.validFrom).toBe('2023-01-01');
    expect(promise.validTo).toBe('2024-12-31');
    expect(promise.reportingPeriod).toBe('quarter');
  });

  it('has the three commitments of the document, verbatim and in order', () => {
    expect(doc).toContain('tre stycken medborgarlöften');
    const written = bullets('lovar gemensamt att arbeta för:', 'Aktiviteter');
    expect(written).toHaveLength(3);
    expect(promise.commitments.map((c) => c.text)).toEqual(written);
    expect(promise.commitments.map((c) => c.id)).toEqual(['nassjo-2023-c1', 'nassjo-2023-c2', 'nassjo-2023-c3']);
    for (const c of promise.commitments) expect(norm(doc)).toContain(norm(c.text));
  });

  it('has the seven activities of the document, verbatim and in order', () => {
    const written = bullets('Aktiviteter', 'Uppföljning');
    expect(written).toHaveLength(7);
    expect(promise.activities.map((a) => a.text)).toEqual(written);
    expect(promise.activities.map((a) => a.id)).toEqual(written.map((_, i) => `nassjo-2023-a${i + 1}`));
    for (const a of promise.activities) {
      expect(norm(doc)).toContain(norm(a.text));
      expect(a.promiseId).toBe('nassjo-2023');
      expect(a.title.length).toBeGreaterThan(0);
    }
  });

  const expected = [
    { id: 'a1', owner: 'polisen', kind: 'lob', entryKinds: ['lob', 'pl'], target: none, commitment: 'c1', says: 'Polisen ska öka den upplevda tryggheten' },
    { id: 'a2', owner: 'kommunen', kind: 'safety_walk', entryKinds: [], target: noPeriod(1), commitment: 'c1', says: 'Nässjö kommun ska genomföra en trygghetsvandring' },
    { id: 'a3', owner: 'polisen', kind: 'traffic_check', entryKinds: ['traffic_check'], target: perYear(30), commitment: 'c2', says: 'minst 30 trafikkontroller per år' },
    { id: 'a4', owner: 'polisen', kind: 'drug_operation', entryKinds: ['drug_operation'], target: perYear(15), commitment: 'c3', says: 'minst 15 riktade insatser per år' },
    { id: 'a5', owner: 'kommunen', kind: 'safety_walk', entryKinds: [], target: noPeriod(1), commitment: 'c1', says: 'Åtgärder som vidtas utifrån vandringen' },
    { id: 'a6', owner: 'kommunen', kind: 'youth_at_risk_mapping', entryKinds: [], target: none, commitment: 'c3', says: 'unga i riskzon' },
    { id: 'a7', owner: 'gemensam', kind: 'joint_meeting', entryKinds: [], target: perYear(2), commitment: null, says: 'vid två tillfällen per år' },
  ] as const;

  it.each(expected)('activity $id: $owner, $kind, target as written', (e) => {
    const a = promise.activities.find((x) => x.id === `nassjo-2023-${e.id}`)!;
    expect(a.text).toContain(e.says);
    expect(a.owner).toBe(e.owner);
    expect(a.kind).toBe(e.kind);
    expect(a.entryKinds).toEqual(e.entryKinds);
    expect(a.target).toEqual(e.target);
    expect(a.commitmentId).toBe(e.commitment === null ? null : `nassjo-2023-${e.commitment}`);
    expect(a.focus).toBeUndefined();
  });

  it('owners follow the subject of each sentence', () => {
    for (const a of promise.activities) {
      if (a.text.startsWith('Polisen och')) expect(a.owner).toBe('gemensam');
      else if (a.text.startsWith('Polisen')) expect(a.owner).toBe('polisen');
      else if (a.text.startsWith('Nässjö kommun')) expect(a.owner).toBe('kommunen');
    }
  });

  it('keeps the trygghetsvandring the document lists twice, under different titles', () => {
    const walks = promise.activities.filter((a) => a.kind === 'safety_walk');
    expect(walks).toHaveLength(2);
    expect(walks[1]!.text.startsWith(walks[0]!.text)).toBe(true);
    expect(walks[0]!.title).not.toBe(walks[1]!.title);
  });
});
