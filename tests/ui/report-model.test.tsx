// The report model and its CSV, from tallies computed on a fake-indexeddb dataset
// (tests/ui/tally-dataset.ts) with figures worked out by hand.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb } from '../../src/db/index.ts';
import { computeTallies } from '../../src/db/tally-queries.ts';
import { buildReport, reportRows, type ReportModel } from '../../src/ui/features/report/model.ts';
import { BOM, csvField, csvFileName, reportCsv } from '../../src/ui/features/report/csv.ts';
import { resolvePeriod, tallyRequest } from '../../src/ui/features/tallies/periods.ts';
import { catalogue } from './harness.tsx';
import { COMPLETIONS, seedArea } from './tally-dataset.ts';

let db: FieldLogDb;
beforeEach(async () => {
  db = new FieldLogDb(`report-${crypto.randomUUID()}`);
  await db.open();
  await seedArea(db, 'lead-1');
});

async function report(kommunId: string, periodKey: string, today = '2025-05-12'): Promise<ReportModel> {
  const period = resolvePeriod(periodKey, null)!;
  const tallies = await computeTallies(db, catalogue, tallyRequest(kommunId, period), today, COMPLETIONS);
  return buildReport({ catalogue, tallies, completions: COMPLETIONS, periodKey });
}

const activity = (m: ReportModel, title: string) => [...reportRows(m)].find((r) => r.activity.title === title)!;

describe('report model', () => {
  it('follows the promise: each commitment verbatim with its activities, then the loose ones', async () => {
    const m = await report('nassjo', '2025-Q2');
    expect(m.kommunName).toBe('Nässjö');
    expect(m.periodLabel).toBe('Kvartal 2 2025');
    expect([m.from, m.to, m.asOf]).toEqual(['2025-04-01', '2025-06-30', '2025-05-12']);
    expect(m.promises.map((p) => p.promiseId)).toEqual(['nassjo-2025-exempel']);
    const [p] = m.promises;
    expect(p!.example).toBe(true);
    expect(p!.sections.map((s) => [s.commitmentNumber, s.activities.map((a) => a.title)])).toEqual([
      [1, ['LOB och PL', 'Trygghetsvandring', 'Trygghetsvandring med åtgärder']],
      [2, ['Trafikkontroll']],
      [3, ['Riktad narkotikainsats', 'Unga i riskzon']],
      [null, ['Avstämningsmöte']],
    ]);
    expect(p!.sections[1]!.commitmentText).toBe('arbeta långsiktigt med en säker trafikmiljö inom Nässjö kommun.');
  });

  it('gives count in the period, count against the target to date, status and outcomes', async () => {
    const m = await report('nassjo', '2025-Q2');
    const traffic = activity(m, 'Trafikkontroll').activity;
    // Q2: T4 (1 April 00:30 local), T5 (corrected), T7 (own); T6 voided.
    expect(traffic.countInPeriod).toBe(3);
    expect(traffic.targetLabel).toBe('30 per år');
    expect(traffic.toDate).toMatchObject({ count: 6, target: 30, expected: 10.8, windowName: '2025' });
    expect(traffic.statusLabel).toBe('efter');
    // 20 + 60 + 12 vehicles, 20 + 45 + 12 breath tests, 0 + 2 + 0 suspected, 3 + 2 + 0 reports.
    expect(traffic.outcomes).toEqual(['92 fordon kontrollerade', '77 utandningsprov', '2 misstänkta rattfylleri', '5 rapporter']);
    const meeting = activity(m, 'Avstämningsmöte').activity;
    expect(meeting.ownerLabel).toBe('Gemensam');
    expect(meeting.countInPeriod).toBe(1);
    expect(meeting.toDate).toMatchObject({ count: 2, target: 2 });
    expect(meeting.statusLabel).toBe('uppnått');
    expect(meeting.completions).toEqual([{ doneOn: '2025-04-20', note: 'Möte; "uppföljning" med räddningstjänsten' }]);
    const walk = activity(m, 'Trygghetsvandring').activity;
    expect(walk.targetLabel).toBe('1 (ingen period angiven)');
    expect(walk.statusLabel).toBe('i fas');
    // The withdrawn mark is neither counted nor listed.
    expect(activity(m, 'Trygghetsvandring med åtgärder').activity).toMatchObject({ countInPeriod: 0, completions: [] });
    const lob = activity(m, 'LOB och PL').activity;
    expect(lob).toMatchObject({ targetLabel: '–', status: null, countInPeriod: 2 });
    expect(lob.outcomes).toEqual(['LOB 3 personer (0 under 18, 0 18–21 år, 3 över 21)', 'PL 2 personer']);
    expect(lob.toDate).toMatchObject({ count: 3, target: null });
  });

  it('judges a past quarter as of its last day', async () => {
    const m = await report('nassjo', '2025-Q1');
    const traffic = activity(m, 'Trafikkontroll').activity;
    // 31 March 23:30 in Stockholm is still Q1: T1, T2, T3. 30 × 90/365 = 7.4 expected, 3 < 7.
    expect(m.asOf).toBe('2025-03-31');
    expect(traffic).toMatchObject({ countInPeriod: 3, statusLabel: 'efter', toDate: { count: 3, expected: 7.4 } });
    expect(activity(m, 'Riktad narkotikainsats').activity.outcomes[0]).toBe('5 narkotikabrott varav 2 bland 21 år eller yngre');
  });

  it('follows a tertial kommun by tertial', async () => {
    const m = await report('savsjo', '2025-T1');
    expect(m.periodLabel).toBe('Tertial 1 2025');
    expect([m.from, m.to]).toEqual(['2025-01-01', '2025-04-30']);
    expect(m.promises[0]!.sections.at(-1)!.activities.map((a) => a.title)).toEqual(['EST', 'Samverkansmöte', 'Skolnärvaro']);
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM, semicolon-separated, CRLF, one row per activity', async () => {
    const m = await report('nassjo', '2025-Q2');
    const csv = reportCsv(m);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith(BOM + 'Kommun;Medborgarlöfte;Löfteperiod;Rapportperiod;Löfte;Aktivitet;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe(''); // ends with CRLF
    expect(lines.slice(0, -1).every((l) => !l.includes('\n'))).toBe(true);
    expect(lines).toHaveLength(1 + 7 + 1);
    const header = lines[0]!.split(';');
    const traffic = lines.find((l) => l.includes(';Trafikkontroll;'))!;
    const cells = traffic.split(';');
    const col = (name: string) => cells[header.indexOf(name)];
    expect(cells.slice(0, 6)).toEqual(['Nässjö', 'Medborgarlöfte 2025–2026 (exempel)', '2025-01-01 – 2026-12-31', 'Kvartal 2 2025', 'arbeta långsiktigt med en säker trafikmiljö inom Nässjö kommun.', 'Trafikkontroll']);
    expect(col('Ansvar')).toBe('Polisen');
    expect(col('Mål')).toBe('30 per år');
    expect(col('Antal i perioden')).toBe('3');
    expect(col('Målperiod')).toBe('2025');
    expect(col('Antal i målperioden')).toBe('6');
    expect(col('Förväntat hittills')).toBe('10,8'); // decimal comma for Swedish Excel
    expect(col('Status')).toBe('efter');
    expect(col('Trafikkontroll: kontrollerade fordon')).toBe('92');
    expect(col('LOB personer totalt')).toBe(''); // not an outcome of traffic checks
  });

  it('quotes fields with ; and ", keeps å, ä, ö', async () => {
    const csv = reportCsv(await report('nassjo', '2025-Q2'));
    const meeting = csv.split('\r\n').find((l) => l.includes(';Avstämningsmöte;'))!;
    expect(meeting.endsWith(';"2025-04-20 Möte; ""uppföljning"" med räddningstjänsten"')).toBe(true);
    // The activity text of "Unga i riskzon" has quotes in the document.
    expect(csv).toContain('"Nässjö kommun ska, tillsammans med polisen inom ramen för ""unga i riskzon"" kartlägga');
    expect(csv).toContain('Trygghetsvandring med åtgärder');
  });

  it('csvField quotes only when needed and defuses formulas', () => {
    expect(csvField('Nässjö')).toBe('Nässjö');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
    expect(csvField('=SUMMA(A1)')).toBe("'=SUMMA(A1)");
    expect(csvField(26.25)).toBe('26,3');
    expect(csvField(412)).toBe('412');
    expect(csvField(null)).toBe('');
  });

  it('names the file after kommun and period', async () => {
    expect(csvFileName(await report('nassjo', '2025-Q2'))).toBe('uppfoljning-nassjo-2025-Q2.csv');
    expect(csvFileName(await report('savsjo', '2025-T1'))).toBe('uppfoljning-savsjo-2025-T1.csv');
  });
});
