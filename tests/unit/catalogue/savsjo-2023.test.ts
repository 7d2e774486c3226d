// Sävsjö 2023–2024 as encoded in the seed catalogue, checked against its document.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED_CATALOGUE, findPromise, type Target } from '../../../src/domain/catalogue/index.ts';

const FILE = '003_ce47e0c094c5aeb9.txt';
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

const promise = findPromise(SEED_CATALOGUE, 'savsjo-2023')!;
const perYear = (count: number): Target => ({ kind: 'count', count, per: 'year', perStated: true });
const noPeriod = (count: number): Target => ({ kind: 'count', count, per: 'period', perStated: false });
const none: Target = { kind: 'none' };

describe(`Sävsjö 2023–2024 (${FILE})`, () => {
  it('is the published, real promise for Sävsjö from that document', () => {
    expect(promise).toBeDefined();
    expect(promise.kommunId).toBe('savsjo');
    expect(promise.source).toBe(FILE);
    expect(promise.status).toBe('published');
    expect(promise.example).toBe(false);
    expect(promise.version).toBe(1);
    expect(promise.title).toBe('Medborgarlöfte 2023–2024');
    expect(doc).toContain('Medborgarlöfte 2023–2024');
  });

  it('runs two years, 2023–2024; no signing date is given', () => {
    expect(doc).toContain('från och med undertecknandet. Dessa medborgarlöften gäller i två år.');
    expect(doc).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(promise.signedOn).toBeNull();
    expect(promise.validFrom).toBe('2023-01-01');
    expect(promise.validTo).toBe('2024-12-31');
  });

  it('is followed up per tertial', () => {
    expect(doc).toContain('tertial 3 2020');
    expect(promise.reportingPeriod).toBe('tertial');
  });

  it('has the three commitments of the document, verbatim and in order', () => {
    expect(doc).toContain('tre medborgarlöften');
    const written = bullets('lovar gemensamt att arbeta för att:', 'Aktiviteter');
    expect(written).toHaveLength(3);
    expect(promise.commitments.map((c) => c.text)).toEqual(written);
    expect(promise.commitments.map((c) => c.id)).toEqual(['savsjo-2023-c1', 'savsjo-2023-c2', 'savsjo-2023-c3']);
    for (const c of promise.commitments) expect(norm(doc)).toContain(norm(c.text));
  });

  it('has the seven activities of the document, verbatim and in order', () => {
    const written = bullets('Aktiviteter', 'Uppföljning');
    expect(written).toHaveLength(7);
    expect(promise.activities.map((a) => a.text)).toEqual(written);
    expect(promise.activities.map((a) => a.id)).toEqual(written.map((_, i) => `savsjo-2023-a${i + 1}`));
    for (const a of promise.activities) {
      expect(norm(doc)).toContain(norm(a.text));
      expect(a.text).toBe(a.text.trim());
      expect(a.promiseId).toBe('savsjo-2023');
      expect(a.title.length).toBeGreaterThan(0);
    }
  });

  const expected = [
    { id: 'a1', owner: 'polisen', kind: 'presence', entryKinds: ['presence'], target: none, commitment: 'c1', says: 'tillgänglig på poliskontoret och närvarande' },
    { id: 'a2', owner: 'polisen', kind: 'drug_operation', entryKinds: ['drug_operation'], target: none, commitment: 'c2', says: 'identifiera ungdomar som brukar narkotika' },
    { id: 'a3', owner: 'polisen', kind: 'drug_operation', entryKinds: ['drug_operation'], target: noPeriod(15), commitment: 'c2', says: 'minst femton riktade insatser' },
    { id: 'a4', owner: 'polisen', kind: 'traffic_check', entryKinds: ['traffic_check'], target: none, commitment: 'c3', says: 'genomföra trafikkontroller' },
    { id: 'a5', owner: 'kommunen', kind: 'est', entryKinds: [], target: none, commitment: null, says: 'konceptet EST' },
    { id: 'a6', owner: 'gemensam', kind: 'joint_meeting', entryKinds: [], target: perYear(2), commitment: null, says: 'under året genomföra minst två samverkansmöten' },
    { id: 'a7', owner: 'kommunen', kind: 'school_attendance', entryKinds: [], target: none, commitment: null, says: 'hög skolnärvaro' },
  ] as const;

  it.each(expected)('activity $id: $owner, $kind, target as written', (e) => {
    const a = promise.activities.find((x) => x.id === `savsjo-2023-${e.id}`)!;
    expect(a.text).toContain(e.says);
    expect(a.owner).toBe(e.owner);
    expect(a.kind).toBe(e.kind);
    expect(a.entryKinds).toEqual(e.entryKinds);
    expect(a.target).toEqual(e.target);
    expect(a.commitmentId).toBe(e.commitment === null ? null : `savsjo-2023-${e.commitment}`);
    expect(a.focus).toBeUndefined();
  });

  it('owners follow the subject of each sentence', () => {
    for (const a of promise.activities) {
      if (a.text.startsWith('Polisen och')) expect(a.owner).toBe('gemensam');
      else if (a.text.startsWith('Polisen ')) expect(a.owner).toBe('polisen');
      else if (a.text.startsWith('Kommunen ')) expect(a.owner).toBe('kommunen');
      else throw new Error(`unexpected subject: ${a.text}`);
    }
  });
});
