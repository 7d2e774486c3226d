// Nässjö 2019–2020 as encoded in the seed catalogue, checked against its document.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED_CATALOGUE, findPromise, type Target } from '../../../src/domain/catalogue/index.ts';

const FILE = '001_edc4cb9189ff1b2a.txt';
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

const promise = findPromise(SEED_CATALOGUE, 'nassjo-2019')!;
const perYear = (count: number): Target => ({ kind: 'count', count, per: 'year', perStated: true });
const noPeriod = (count: number): Target => ({ kind: 'count', count, per: 'period', perStated: false });
const none: Target = { kind: 'none' };

describe(`Nässjö 2019–2020 (${FILE})`, () => {
  it('is the published, real promise for Nässjö from that document', () => {
    expect(promise).toBeDefined();
    expect(promise.kommunId).toBe('nassjo');
    expect(promise.source).toBe(FILE);
    expect(promise.status).toBe('published');
    expect(promise.example).toBe(false);
    expect(promise.version).toBe(1);
    expect(promise.title).toBe('Medborgarlöfte 2019–2020');
    expect(doc).toContain('Medborgarlöfte i Nässjö kommun 2019-2020');
  });

  it('starts on the signing date 2019-04-25 and runs to the end of 2020', () => {
    expect(doc).toContain('börjar gälla från och med undertecknandet');
    expect(doc).toContain('Nässjö 2019-04-25');
    expect(promise.signedOn).toBe('2019-04-25');
    expect(promise.validFrom).toBe('2019-04-25');
    expect(promise.validTo).toBe('2020-12-31');
    expect(promise.reportingPeriod).toBe('quarter');
  });

  it('has the two commitments of the document, verbatim and in order', () => {
    expect(doc).toContain('två stycken årliga medborgarlöften');
    const written = bullets('lovar gemensamt att arbeta för:', 'Det ska vi åstadkomma');
    expect(written).toHaveLength(2);
    expect(promise.commitments.map((c) => c.text)).toEqual(written);
    expect(promise.commitments.map((c) => c.id)).toEqual(['nassjo-2019-c1', 'nassjo-2019-c2']);
    for (const c of promise.commitments) {
      expect(norm(doc)).toContain(norm(c.text));
      expect(c.text).not.toContain('*');
    }
  });

  it('has the five activities of the document, verbatim and in order', () => {
    const written = bullets('följande aktiviteter.', 'Vad är ett medborgarlöfte');
    expect(written).toHaveLength(5);
    expect(promise.activities.map((a) => a.text)).toEqual(written);
    expect(promise.activities.map((a) => a.id)).toEqual(written.map((_, i) => `nassjo-2019-a${i + 1}`));
    for (const a of promise.activities) {
      expect(norm(doc)).toContain(norm(a.text));
      expect(a.promiseId).toBe('nassjo-2019');
      expect(a.title.length).toBeGreaterThan(0);
    }
  });

  const expected = [
    { id: 'a1', owner: 'polisen', kind: 'presence', entryKinds: ['presence'], target: none, commitment: 'c1', says: 'öka sin närvaro vid resecentrum' },
    { id: 'a2', owner: 'kommunen', kind: 'safety_walk', entryKinds: [], target: noPeriod(1), commitment: 'c1', says: 'en trygghetsinventering' },
    { id: 'a3', owner: 'kommunen', kind: 'safety_walk', entryKinds: [], target: noPeriod(2), commitment: 'c2', says: 'minst två trygghetsinventeringar' },
    { id: 'a4', owner: 'polisen', kind: 'targeted_operation', entryKinds: ['targeted_operation'], target: noPeriod(15), commitment: 'c2', says: 'minst femton riktade underrättelsebaserade insatser' },
    { id: 'a5', owner: 'gemensam', kind: 'joint_meeting', entryKinds: [], target: perYear(2), commitment: null, says: 'Under året genomföra minst två samverkansmöten' },
  ] as const;

  it.each(expected)('activity $id: $owner, $kind, target as written', (e) => {
    const a = promise.activities.find((x) => x.id === `nassjo-2019-${e.id}`)!;
    expect(a.text).toContain(e.says);
    expect(a.owner).toBe(e.owner);
    expect(a.kind).toBe(e.kind);
    expect(a.entryKinds).toEqual(e.entryKinds);
    expect(a.target).toEqual(e.target);
    expect(a.commitmentId).toBe(e.commitment === null ? null : `nassjo-2019-${e.commitment}`);
    expect(a.focus).toBeUndefined();
  });

  it('owners follow the subject of each sentence; no subject means both', () => {
    for (const a of promise.activities) {
      if (a.text.startsWith('Polisen ')) expect(a.owner).toBe('polisen');
      else if (a.text.startsWith('Kommunen ')) expect(a.owner).toBe('kommunen');
      else expect(a.owner).toBe('gemensam');
    }
  });

  it('does not read the underrättelsebaserade insatser as drug operations', () => {
    expect(doc).not.toMatch(/narkotika/i);
    expect(promise.activities.some((a) => a.kind === 'drug_operation' || a.entryKinds.includes('drug_operation'))).toBe(false);
  });

  it('keeps unstated periods unstated despite "årliga medborgarlöften"', () => {
    const counts = promise.activities.filter((a) => a.target.kind === 'count' && !/under året|per år/i.test(a.text));
    expect(counts.length).toBe(3);
    for (const a of counts) expect(a.target).toMatchObject({ per: 'period', perStated: false });
  });
});
