// A known area for the dashboard and report tests, written through the real db functions:
// the shift lead's own entries with saveEntry, other officers' entries as pulled
// revisions (corrections and a void included), completions with saveCompletions.
// Every figure the tests expect is worked out by hand in the comments.
import { saveCompletions, saveEntry, storePulledRevisions, type FieldLogDb } from '../../src/db/index.ts';
import type { EntryContent, EntryRevision } from '../../src/domain/entry.ts';
import type { ActivityCompletion } from '../../src/domain/tallies/completions.ts';
import { lob, trafficCheck } from '../fixtures/entries.ts';

export const TODAY = '2025-05-12T10:00:00Z';
export const OTHER = 'officer-9';
const P = 'nassjo-2025-exempel';

let seq = 0;
function pulled(id: string, rev: number, content: EntryContent, op: 'upsert' | 'void' = 'upsert'): EntryRevision {
  seq += 1;
  const at = new Date(Date.parse(content.startedAt) + 3_600_000).toISOString();
  return { id, rev, op, content, voidReason: op === 'void' ? 'Fel aktivitet' : null, officerId: OTHER, deviceId: 'device-9', clientTime: at, serverTime: at, serverSeq: seq };
}

const traffic = (startedAt: string, vehiclesChecked: number, breathTests: number, reports: number, suspectedImpaired: number, place = 'Rv 31 norr') =>
  trafficCheck({ promiseId: P, activityId: `${P}-a3`, startedAt, place, details: { focus: 'nykterhet', vehiclesChecked, breathTests, reports, suspectedImpaired } });

function drug(startedAt: string, personsChecked: number, young: number, offences: number, offencesYoung: number, intelligenceLed: boolean): EntryContent {
  return {
    kind: 'drug_operation',
    kommunId: 'nassjo',
    promiseId: P,
    activityId: `${P}-a4`,
    startedAt,
    utcOffsetMinutes: 120,
    durationMinutes: 120,
    place: 'Centrum',
    note: '',
    details: { personsChecked, personsAged21OrYounger: young, drugOffencesDetected: offences, drugOffencesAged21OrYounger: offencesYoung, intelligenceLed },
  };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Nässjö 2025 (exempel), today 2025-05-12, quarterly.
 * Trafikkontroll (a3, 30 per år): live T1 T2 T3 in Q1 (3), T4 T5 T7 in Q2 (3); T6 voided.
 *   T3 is 31 March 23:30 in Stockholm (Q1) and T4 1 April 00:30 (Q2): the boundary in local time.
 *   Sums: vehicles 40+30+10+20+60+12 = 172, breath 40+25+10+20+45+12 = 152, reports 2+1+0+3+2+0 = 8,
 *   suspected 1+0+1+0+2+0 = 4. Expected by 12 May: 30 × 132/365 = 10.85 → "10,8"; 6 < 10: efter.
 * Riktad narkotikainsats (a4, 15 per år): D1, D2 → 2; offences 5+4 = 9 of which 2+2 = 4 young;
 *   persons 20+10 = 30 of which 8+6 = 14; expected 15 × 132/365 = 5.42 → "5,4"; 2 < 5: efter.
 * LOB och PL (a1, no target): L1 (1, 2, 0), L2 (0, 0, 3), P1 (PL 2) → 3 entries, LOB 6 persons.
 * Avstämningsmöte (a7, 2 per år, gemensam): completed 1 Feb and 20 Apr → 2: uppnått.
 * Trygghetsvandring (a2, 1, no period stated): none yet → 0; expected 1 × 132/730 = 0.18 → i fas.
 * Trygghetsvandring med åtgärder (a5): one completion, withdrawn → 0.
 * Not counted for Nässjö 2025: a Tranås entry, and a Nässjö 2024 entry (another promise).
 */
export async function seedArea(db: FieldLogDb, ownOfficerId: string): Promise<void> {
  seq = 0;
  const revisions: EntryRevision[] = [
    pulled(uuid(1), 1, traffic('2025-01-15T08:00:00.000Z', 40, 40, 2, 1)),
    pulled(uuid(2), 1, traffic('2025-02-20T08:00:00.000Z', 30, 25, 1, 0, 'Skogsgatan')),
    pulled(uuid(3), 1, traffic('2025-03-31T21:30:00.000Z', 10, 10, 0, 1, 'Storgatan')),
    pulled(uuid(4), 1, traffic('2025-03-31T22:30:00.000Z', 20, 20, 3, 0, 'Storgatan')),
    pulled(uuid(5), 1, traffic('2025-05-02T07:00:00.000Z', 50, 45, 2, 2, 'Rv 40')),
    pulled(uuid(5), 2, traffic('2025-05-02T07:00:00.000Z', 60, 45, 2, 2, 'Rv 40')),
    pulled(uuid(6), 1, traffic('2025-05-05T07:00:00.000Z', 99, 99, 9, 9, 'Fel plats')),
    pulled(uuid(6), 2, traffic('2025-05-05T07:00:00.000Z', 99, 99, 9, 9, 'Fel plats'), 'void'),
    pulled(uuid(11), 1, drug('2025-02-10T18:00:00.000Z', 20, 8, 5, 2, true)),
    pulled(uuid(12), 1, drug('2025-04-15T18:00:00.000Z', 10, 6, 4, 2, false)),
    pulled(uuid(21), 1, lob({ promiseId: P, activityId: `${P}-a1`, startedAt: '2025-03-01T22:00:00.000Z', details: { under18: 1, age18to21: 2, over21: 0 } })),
    pulled(uuid(22), 1, lob({ promiseId: P, activityId: `${P}-a1`, startedAt: '2025-04-30T22:00:00.000Z', details: { under18: 0, age18to21: 0, over21: 3 } })),
    pulled(uuid(23), 1, {
      kind: 'pl', kommunId: 'nassjo', promiseId: P, activityId: `${P}-a1`, startedAt: '2025-05-01T01:00:00.000Z', utcOffsetMinutes: 120,
      durationMinutes: null, place: 'Torget', note: '', details: { count: 2, type: 'avvisning' },
    }),
    pulled(uuid(31), 1, trafficCheck({ kommunId: 'tranas', promiseId: 'tranas-2025-exempel', activityId: 'tranas-2025-exempel-a1', startedAt: '2025-03-03T08:00:00.000Z' })),
    pulled(uuid(32), 1, trafficCheck({ promiseId: 'nassjo-2023', activityId: 'nassjo-2023-a3', startedAt: '2024-11-03T08:00:00.000Z' })),
  ];
  await storePulledRevisions(db, revisions);
  // Logged on this device at 09:30 local and still queued (2 h 30 min before TODAY).
  await saveEntry(db, traffic('2025-05-10T06:00:00.000Z', 12, 12, 0, 0, 'Egen kontroll'), { officerId: ownOfficerId, deviceId: 'device-1', now: () => Date.parse('2025-05-12T07:30:00Z') });
  await saveCompletions(db, COMPLETIONS, null);
}

const completion = (id: number, activity: string, doneOn: string, note: string, withdrawn: string | null = null): ActivityCompletion => ({
  id: uuid(100 + id),
  kommunId: 'nassjo',
  promiseId: P,
  activityId: `${P}-${activity}`,
  doneOn,
  note,
  recordedBy: 'coord-1',
  recordedByName: 'Samordnare Ett',
  recordedAt: `${doneOn}T15:00:00.000Z`,
  withdrawnAt: withdrawn ? `${doneOn}T16:00:00.000Z` : null,
  withdrawnReason: withdrawn,
});

export const COMPLETIONS: ActivityCompletion[] = [
  completion(1, 'a7', '2025-02-01', 'Avstämning i kommunhuset'),
  completion(2, 'a7', '2025-04-20', 'Möte; "uppföljning" med räddningstjänsten'),
  completion(3, 'a5', '2025-03-10', 'Fel datum', 'Dubbelregistrerad'),
];
