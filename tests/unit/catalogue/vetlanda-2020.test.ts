// Vetlanda 2020–2021 as encoded in the seed catalogue, checked against its document.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED_CATALOGUE, findPromise, type Target } from '../../../src/domain/catalogue/index.ts';

const FILE = '004_fdd0799881d70999.txt';
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

const promise = findPromise(SEED_CATALOGUE, 'vetlanda-2020')!;
const perPeriod = (count: number): Target => ({ kind: 'count', count, per: 'period', perStated: true });
const noPeriod = (count: number): Target => ({ kind: 'count', count, per: 'period', perStated: false });
const none: Target = { kind: 'none' };

describe(`Vetlanda 2020–2021 (${FILE})`, () => {
  it('is the published, real promise for Vetlanda from that document', () => {
    expect(promise).toBeDefined();
    expect(promise.kommunId).toBe('vetlanda');
    expect(promise.source).toBe(FILE);
    expect(promise.status).toBe('published');
    expect(promise.example).toBe(false);
    expect(promise.version).toBe(1);
    expect(promise.title).toBe('Medborgarlöfte 2020–2021');
    expect(doc).toContain('Medborgarlöfte i Vetlanda kommun 2020-2021');
  });

  it('runs two years, 2020–2021; the signing date is blank in the document', () => {
    expect(doc).toContain('Dessa medborgarlöften gäller i två år.');
    expect(doc).toContain('Vetlanda 2xxxxx');
    expect(promise.signedOn).toBeNull();
    expect(promise.validFrom).toBe('2020-01-01');
    expect(promise.validTo).toBe('2021-12-31');
    expect(promise.reportingPeriod).toBe('quarter');
  });

  it('has the two commitments of the document, verbatim and in order', () => {
    const written = bullets('lovar gemensamt att arbeta för:', 'Det ska vi åstadkomma');
    expect(written).toHaveLength(2);
    expect(promise.commitments.map((c) => c.text)).toEqual(written);
    expect(promise.commitments.map((c) => c.id)).toEqual(['vetlanda-2020-c1', 'vetlanda-2020-c2']);
    for (const c of promise.commitments) expect(norm(doc)).toContain(norm(c.text));
  });

  it('has the seven activities of the document, verbatim and in order', () => {
    const written = bullets('följande aktiviteter:', 'Vad är ett medborgarlöfte');
    expect(written).toHaveLength(7);
    expect(promise.activities.map((a) => a.text)).toEqual(written);
    expect(promise.activities.map((a) => a.id)).toEqual(written.map((_, i) => `vetlanda-2020-a${i + 1}`));
    for (const a of promise.activities) {
      expect(norm(doc)).toContain(norm(a.text));
      expect(a.promiseId).toBe('vetlanda-2020');
      expect(a.title.length).toBeGreaterThan(0);
    }
  });

  const expected = [
    { id: 'a1', owner: 'kommunen', kind: 'est', entryKinds: [], target: none, commitment: null, says: 'arbetsmetoden EST' },
    { id: 'a2', owner: 'polisen', kind: 'traffic_check', entryKinds: ['traffic_check'], target: noPeriod(15), commitment: 'c1', says: 'minst femton trafikkontroller med inriktning på trafikbeteenden' },
    { id: 'a3', owner: 'polisen', kind: 'vehicle_inspection', entryKinds: ['vehicle_inspection'], target: noPeriod(15), commitment: 'c1', says: 'vid minst femton tillfällen genomföra flygande inspektioner' },
    { id: 'a4', owner: 'kommunen', kind: 'traffic_measure', entryKinds: [], target: perPeriod(2), commitment: 'c1', says: 'under perioden presentera minst två hastighetsdämpande' },
    { id: 'a5', owner: 'polisen', kind: 'drug_operation', entryKinds: ['drug_operation'], target: noPeriod(15), commitment: 'c2', says: 'minst femton riktade insatser' },
    { id: 'a6', owner: 'kommunen', kind: 'campaign', entryKinds: [], target: none, commitment: null, says: 'nationella kampanjer' },
    { id: 'a7', owner: 'gemensam', kind: 'joint_meeting', entryKinds: [], target: perPeriod(2), commitment: null, says: 'Under åren genomföra minst två samverkansmöten' },
  ] as const;

  it.each(expected)('activity $id: $owner, $kind, target as written', (e) => {
    const a = promise.activities.find((x) => x.id === `vetlanda-2020-${e.id}`)!;
    expect(a.text).toContain(e.says);
    expect(a.owner).toBe(e.owner);
    expect(a.kind).toBe(e.kind);
    expect(a.entryKinds).toEqual(e.entryKinds);
    expect(a.target).toEqual(e.target);
    expect(a.commitmentId).toBe(e.commitment === null ? null : `vetlanda-2020-${e.commitment}`);
  });

  it('owners follow the subject of each sentence; no subject means both', () => {
    for (const a of promise.activities) {
      if (a.text.startsWith('Polisen ')) expect(a.owner).toBe('polisen');
      else if (a.text.startsWith('Kommunen ')) expect(a.owner).toBe('kommunen');
      else expect(a.owner).toBe('gemensam');
    }
  });

  it('sets the behaviour focus only on the traffic checks', () => {
    expect(promise.activities.filter((a) => a.focus !== undefined).map((a) => [a.id, a.focus])).toEqual([
      ['vetlanda-2020-a2', 'beteende'],
    ]);
  });

  it('has no per-year targets: nothing in the document says "per år" or "under året"', () => {
    expect(doc).not.toMatch(/per år|under året/i);
    for (const a of promise.activities) expect(a.target).not.toMatchObject({ per: 'year' });
  });
});
