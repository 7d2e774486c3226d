// GET /api/v1/tallies on a hand-made dataset whose figures were worked out by hand
// (in the comments), plus the SQL outcome columns checked against the domain's table
// and a randomised comparison with the domain arithmetic run on the same heads.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENTRY_KINDS } from '../../src/domain/catalogue/types.ts';
import type { EntryContent } from '../../src/domain/entry.ts';
import { localDate, startOfLocalDate } from '../../src/domain/calendar.ts';
import type { CompletionsResponse, TalliesResponse } from '../../src/domain/sync.ts';
import type { ActivityTally, DayCount, KommunTallies, TallyCell } from '../../src/domain/tallies/index.ts';
import { completionRows, OUTCOMES, outcomesOf, planTallies, rowsFromDays, summarizeTallies } from '../../src/domain/tallies/index.ts';
import { validateEntryContent } from '../../src/domain/validation.ts';
import { testApp, type Api, type Clock } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { upsert, voidChange } from './support/fixtures.ts';
import { HOGLANDET, realEntry, setupHoglandet } from './support/hoglandet.ts';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');

const traffic = (startedAt: string, v: number, b: number, r: number, s: number, activity = 'nassjo-2023-a3') =>
  realEntry('traffic_check', activity, startedAt, { focus: 'nykterhet', vehiclesChecked: v, breathTests: b, reports: r, suspectedImpaired: s });
const drug = (activity: string, startedAt: string, p: number, p21: number, o: number, o21: number, intel: boolean) =>
  realEntry('drug_operation', activity, startedAt, { personsChecked: p, personsAged21OrYounger: p21, drugOffencesDetected: o, drugOffencesAged21OrYounger: o21, intelligenceLed: intel });

/** Cell of a traffic check activity. */
const tc = (count: number, v = 0, b = 0, r = 0, s = 0): TallyCell => ({ count, sums: { vehiclesChecked: v, breathTests: b, reports: r, suspectedImpaired: s } });
const ZERO_TC = tc(0);

function activity(t: KommunTallies, id: string): ActivityTally {
  for (const p of t.promises) {
    const a = p.activities.find((x) => x.activityId === id);
    if (a) return a;
  }
  throw new Error(`no activity ${id} in tallies`);
}

describeBackends('tallies', (backend) => {
  let t: TestDb;
  let api: Api;
  let clock: Clock;
  const WHO = ['polis', 'polis2', 'chef', 'samordnare', 'hadmin', 'officerA'] as const;
  const tok = {} as Record<(typeof WHO)[number], string>;

  const get = (query: string, token: string | null = tok.chef) => api.request('GET', `/api/v1/tallies?${query}`, token);
  const tallies = async (query: string, token?: string): Promise<KommunTallies> => {
    const res = await get(query, token);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TalliesResponse).tallies;
  };

  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupHoglandet(t.db);
    ({ api, clock } = await testApp(t.db));
    clock.set(NOW);
    for (const key of WHO) tok[key] = await api.token(key);

    // Nässjö 2023–2024 (per quarter), traffic checks (target 30 per year):
    const e3 = randomUUID();
    const e4 = randomUUID();
    const e3v1 = traffic('2024-05-10T08:00:00.000Z', 20, 20, 1, 0);
    const e4v1 = traffic('2024-08-01T10:00:00.000Z', 30, 30, 0, 0);
    const results = await api.pushOk(tok.polis, [
      upsert(traffic('2024-03-31T22:30:00.000Z', 40, 40, 2, 1)), // E1: 00:30 on 1 April in Stockholm (CEST) → 2024-Q2
      upsert(traffic('2024-03-31T21:30:00.000Z', 10, 5, 0, 0)), // E2: 23:30 on 31 March → 2024-Q1
      upsert(e3v1, e3, 1), // E3: 2024-Q2 at first…
      upsert(traffic('2024-06-30T22:15:00.000Z', 25, 25, 3, 2), e3, 2), // …corrected to 00:15 on 1 July → 2024-Q3, new figures
      upsert(e4v1, e4, 1), // E4: 2024-Q3, then withdrawn: not counted
      voidChange(e4v1, e4, 2),
      upsert(traffic('2023-12-31T23:30:00.000Z', 5, 5, 0, 0)), // E5: 00:30 on 1 January 2024 (CET) → 2024-Q1
      upsert(traffic('2023-06-01T10:00:00.000Z', 12, 12, 1, 0)), // E6: 2023-Q2, in the period but before the range
      // LOB and PL, one activity: both in 2024-Q4 (the DST change night, and 23:30 on New Year's Eve)
      upsert(realEntry('lob', 'nassjo-2023-a1', '2024-10-27T00:30:00.000Z', { under18: 0, age18to21: 1, over21: 0 })),
      upsert(realEntry('pl', 'nassjo-2023-a1', '2024-12-31T22:30:00.000Z', { count: 2, type: 'avlagsnande' })),
      // Drug operations (target 15 per year), 2024-Q1
      upsert(drug('nassjo-2023-a4', '2024-02-10T18:00:00.000Z', 8, 5, 3, 2, true)),
      // Another kommun: never in Nässjö's figures
      upsert(traffic('2024-05-01T10:00:00.000Z', 99, 99, 9, 9, 'tranas-2023-a1')),
      // Sävsjö 2023–2024 (per tertial: Jan–Apr, May–Aug, Sep–Dec), drug operations
      upsert(drug('savsjo-2023-a3', '2024-04-30T22:30:00.000Z', 6, 6, 2, 2, true)), // 00:30 on 1 May → 2024-T2
      upsert(drug('savsjo-2023-a3', '2024-04-30T21:30:00.000Z', 3, 0, 0, 0, false)), // 23:30 on 30 April → 2024-T1
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill('applied'));
    // Another officer's entry counts the same.
    await api.pushOk(tok.polis2, [upsert(drug('nassjo-2023-a4', '2024-02-20T18:00:00.000Z', 4, 1, 1, 0, false))]);

    // Avstämningsmöte (joint, target 2 per year): done 2024-03-15 and 2024-11-05; one more withdrawn.
    const done = async (doneOn: string) => {
      const res = await api.request('POST', '/api/v1/completions', tok.samordnare, { id: randomUUID(), activityId: 'nassjo-2023-a7', doneOn, note: '' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().completion.id as string;
    };
    await done('2024-03-15');
    const withdrawn = await done('2024-09-01');
    await done('2024-11-05');
    const w = await api.request('POST', `/api/v1/completions/${withdrawn}/withdraw`, tok.samordnare, { reason: 'Mötet ställdes in.' });
    expect(w.statusCode, w.body).toBe(200);
  });
  afterAll(() => t.close());

  it("Nässjö 2024 per quarter: counts, sums, cells and targets as worked out by hand", async () => {
    const res = await get('kommun=nassjo&from=2024-01-01&to=2024-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as TalliesResponse;
    expect(body.generatedAt).toBe(new Date(NOW).toISOString());
    const r = body.tallies;
    expect({ kommunId: r.kommunId, grain: r.grain, from: r.from, to: r.to, asOf: r.asOf }).toEqual({ kommunId: 'nassjo', grain: 'quarter', from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    // Only the promise in force in 2024; counted from its start so that its targets see 2023.
    expect(r.promises.map((p) => p.promiseId)).toEqual(['nassjo-2023']);
    expect(r.promises[0]!.buckets).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);

    const trafik = activity(r, 'nassjo-2023-a3');
    expect(trafik.cells).toEqual({
      '2023-Q1': ZERO_TC,
      '2023-Q2': tc(1, 12, 12, 1, 0), // E6
      '2023-Q3': ZERO_TC,
      '2023-Q4': ZERO_TC,
      '2024-Q1': tc(2, 15, 10, 0, 0), // E2 + E5
      '2024-Q2': tc(1, 40, 40, 2, 1), // E1
      '2024-Q3': tc(1, 25, 25, 3, 2), // E3 as corrected; E4 withdrawn
      '2024-Q4': ZERO_TC,
      '2023': tc(1, 12, 12, 1, 0),
      '2024': tc(4, 80, 75, 5, 3),
      period: tc(5, 92, 87, 6, 3),
      range: tc(4, 80, 75, 5, 3),
    });
    expect(trafik.bySource).toEqual({ traffic_check: 4 });
    // 4 of 30 in a year that has ended: missed. Expected by the year's end: all 30.
    expect(trafik.target).toEqual({ window: { from: '2024-01-01', to: '2024-12-31', scope: 'year' }, target: 30, count: 4, expected: 30, status: 'missed' });

    const lobPl = activity(r, 'nassjo-2023-a1');
    expect(lobPl.cells['2024-Q4']).toEqual({ count: 2, sums: { under18: 0, age18to21: 1, over21: 0, count: 2 } });
    expect(lobPl.cells['2024']).toEqual({ count: 2, sums: { under18: 0, age18to21: 1, over21: 0, count: 2 } });
    expect(lobPl.bySource).toEqual({ lob: 1, pl: 1 });
    expect(lobPl.target).toBeNull();

    const narkotika = activity(r, 'nassjo-2023-a4');
    const drugQ1 = { count: 2, sums: { personsChecked: 12, personsAged21OrYounger: 6, drugOffencesDetected: 4, drugOffencesAged21OrYounger: 2, intelligenceLed: 1 } };
    expect(narkotika.cells['2024-Q1']).toEqual(drugQ1);
    expect(narkotika.cells.range).toEqual(drugQ1);
    expect(narkotika.target).toMatchObject({ target: 15, count: 2, status: 'missed' });

    // Completions: 2024-Q1 and 2024-Q4; the withdrawn one in Q3 does not count. 2 of 2: achieved.
    const mote = activity(r, 'nassjo-2023-a7');
    expect(mote.cells['2024-Q1']).toEqual({ count: 1, sums: {} });
    expect(mote.cells['2024-Q3']).toEqual({ count: 0, sums: {} });
    expect(mote.cells['2024-Q4']).toEqual({ count: 1, sums: {} });
    expect(mote.cells['2024']).toEqual({ count: 2, sums: {} });
    expect(mote.bySource).toEqual({ completion: 2 });
    expect(mote.target).toMatchObject({ target: 2, count: 2, expected: 2, status: 'achieved' });

    // Trygghetsvandring, 1 over the whole period, none done.
    expect(activity(r, 'nassjo-2023-a2').target).toMatchObject({ window: { from: '2023-01-01', to: '2024-12-31', scope: 'period' }, target: 1, count: 0, status: 'missed' });
  });

  it('a past quarter is not changed by what came after it', async () => {
    const r = await tallies('kommun=nassjo&from=2024-04-01&to=2024-06-30');
    expect({ from: r.from, to: r.to, asOf: r.asOf }).toEqual({ from: '2024-04-01', to: '2024-06-30', asOf: '2024-06-30' });
    const trafik = activity(r, 'nassjo-2023-a3');
    expect(trafik.cells.range).toEqual(tc(1, 40, 40, 2, 1)); // E1 only
    expect(trafik.cells['2024']).toEqual(tc(3, 55, 50, 2, 1)); // Q1 + Q2: E3 now lies after 30 June
    expect(trafik.cells['2024-Q3']).toBeUndefined();
    // 3 by 30 June; a steady pace to 30 per year would be 30 × 182/366 = 14.9 by then.
    expect(trafik.target).toMatchObject({ count: 3, expected: 14.9, status: 'behind' });
  });

  it('snaps any dates to whole buckets', async () => {
    const r = await tallies('kommun=nassjo&from=2024-05-17&to=2024-05-20');
    expect({ from: r.from, to: r.to }).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(activity(r, 'nassjo-2023-a3').cells.range).toEqual(tc(1, 40, 40, 2, 1));
  });

  it('Sävsjö follows up per tertial; by=quarter regroups the same entries', async () => {
    const tert = await tallies('kommun=savsjo&from=2024-01-01&to=2024-12-31');
    expect(tert.grain).toBe('tertial');
    expect(tert.promises[0]!.buckets).toEqual(['2023-T1', '2023-T2', '2023-T3', '2024-T1', '2024-T2', '2024-T3']);
    const a = activity(tert, 'savsjo-2023-a3');
    expect(a.cells['2024-T1']).toEqual({ count: 1, sums: { personsChecked: 3, personsAged21OrYounger: 0, drugOffencesDetected: 0, drugOffencesAged21OrYounger: 0, intelligenceLed: 0 } });
    expect(a.cells['2024-T2']).toEqual({ count: 1, sums: { personsChecked: 6, personsAged21OrYounger: 6, drugOffencesDetected: 2, drugOffencesAged21OrYounger: 2, intelligenceLed: 1 } });
    expect(a.target).toMatchObject({ window: { from: '2023-01-01', to: '2024-12-31', scope: 'period' }, target: 15, count: 2, status: 'missed' });

    const quarter = await tallies('kommun=savsjo&from=2024-01-01&to=2024-12-31&by=quarter');
    expect(quarter.grain).toBe('quarter');
    expect(activity(quarter, 'savsjo-2023-a3').cells['2024-Q2']).toMatchObject({ count: 2 });
    expect(activity(quarter, 'savsjo-2023-a3').cells['2024-Q1']).toMatchObject({ count: 0 });
  });

  it('defaults to the current Stockholm calendar year, and completes a lone date to its year', async () => {
    const r = await tallies('kommun=nassjo');
    expect({ from: r.from, to: r.to, asOf: r.asOf }).toEqual({ from: '2026-01-01', to: '2026-12-31', asOf: '2026-11-20' });
    expect(r.promises.map((p) => p.promiseId)).toEqual(['nassjo-2025-exempel']);
    // 23:30 UTC on 31 December is already the next year in Stockholm.
    clock.set(Date.parse('2026-12-31T23:30:00.000Z'));
    try {
      expect((await tallies('kommun=nassjo', await api.token('chef'))).from).toBe('2027-01-01');
    } finally {
      clock.set(NOW);
    }
    expect(await tallies('kommun=nassjo&from=2024-04-01')).toMatchObject({ from: '2024-04-01', to: '2024-12-31' });
    expect(await tallies('kommun=nassjo&to=2024-06-30')).toMatchObject({ from: '2024-01-01', to: '2024-06-30' });
  });

  it('answers every role of the area; other areas 403, unknown kommun 404, no session 401', async () => {
    for (const who of ['polis', 'chef', 'samordnare', 'hadmin'] as const) expect((await get('kommun=nassjo', tok[who])).statusCode).toBe(200);
    const other = await get('kommun=nassjo', tok.officerA);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden');
    expect((await get('kommun=kommun-a1', tok.chef)).statusCode).toBe(403);
    expect((await get('kommun=kommun-a1', tok.officerA)).statusCode).toBe(200);
    const unknown = await get('kommun=atlantis');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual({ code: 'not_found', message: 'Kommunen finns inte.' });
    expect((await get('kommun=nassjo', null)).statusCode).toBe(401);
  });

  it('refuses malformed requests with 400 and a Swedish reason per field', async () => {
    const cases: [string, string, string][] = [
      ['from=2024-01-01', 'kommun', 'missing'],
      ['kommun=nassjo&from=2024-13-01', 'from', 'date'],
      ['kommun=nassjo&from=2024-02-30', 'from', 'date'],
      ['kommun=nassjo&to=20240101', 'to', 'date'],
      ['kommun=nassjo&from=2024-07-01&to=2024-06-30', 'to', 'before_from'],
      ['kommun=nassjo&from=2016-01-01&to=2026-01-01', 'to', 'span'],
      ['kommun=nassjo&by=month', 'by', 'picklist'],
      ['kommun=nassjo&by=year', 'by', 'picklist'],
      ['kommun=nassjo&kommun=tranas', 'kommun', 'type'],
    ];
    for (const [query, field, code] of cases) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.details, query).toEqual([expect.objectContaining({ field, code, message: expect.stringMatching(/[a-zåäö]/) })]);
    }
    // Exactly ten years is allowed.
    expect((await get('kommun=nassjo&from=2016-01-01&to=2025-12-31')).statusCode).toBe(200);
  });

  it("every outcome column of 002 holds the domain's outcome of its slot, for every kind", async () => {
    const samples: Record<(typeof ENTRY_KINDS)[number], Record<string, unknown>> = {
      traffic_check: { focus: 'hastighet', vehiclesChecked: 101, breathTests: 53, reports: 7, suspectedImpaired: 3 },
      vehicle_inspection: { vehiclesInspected: 41, prohibitions: 5 },
      drug_operation: { personsChecked: 61, personsAged21OrYounger: 29, drugOffencesDetected: 17, drugOffencesAged21OrYounger: 11, intelligenceLed: true },
      targeted_operation: { personsChecked: 37, offencesDetected: 13, intelligenceLed: true },
      lob: { under18: 2, age18to21: 3, over21: 5 },
      pl: { count: 7, type: 'annat' },
      presence: { minutes: 97 },
    };
    expect(Object.keys(samples).sort()).toEqual([...ENTRY_KINDS].sort());
    for (const kind of ENTRY_KINDS) {
      const content = { kind, kommunId: 'drift', promiseId: 'drift', activityId: 'drift', startedAt: '2025-01-01T10:00:00.000Z', utcOffsetMinutes: 60, durationMinutes: null, place: 'x', note: '', details: samples[kind] };
      const valid = validateEntryContent(content);
      if (!valid.ok) throw new Error(`${kind}: ${JSON.stringify(valid.issues)}`);
      const id = randomUUID();
      await t.db.query(
        `INSERT INTO entries (id, rev, officer_id, kommun_id, police_area_id, promise_id, activity_id, kind, started_at, voided, content)
         VALUES ($1, 1, $1, 'drift', 'drift', 'drift', 'drift', $2, '2025-01-01T10:00:00Z', false, $3::text::jsonb)`,
        [id, kind, JSON.stringify(content)],
      );
      const [row] = await t.db.query<Record<string, number | null>>('SELECT outcome_1, outcome_2, outcome_3, outcome_4, outcome_5 FROM entries WHERE id = $1', [id]);
      const outcomes = outcomesOf(valid.value);
      const expected = [1, 2, 3, 4, 5].map((n) => {
        const field = OUTCOMES[kind][n - 1];
        return field ? outcomes[field.field] : null;
      });
      expect([row!.outcome_1, row!.outcome_2, row!.outcome_3, row!.outcome_4, row!.outcome_5], kind).toEqual(expected);
    }
  });
});

/** Small seeded PRNG (mulberry32): the same "random" data on every run and backend. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describeBackends('tallies agree with the domain arithmetic on random data', (backend) => {
  let t: TestDb;
  let api: Api;
  let chef: string;
  /** The final content of every entry pushed, or null once withdrawn. */
  const heads = new Map<string, EntryContent | null>();

  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupHoglandet(t.db);
    let clock: Clock;
    ({ api, clock } = await testApp(t.db));
    clock.set(NOW);
    const polis = await api.token('polis');
    chef = await api.token('chef');
    const rand = prng(20250101);
    const int = (max: number) => Math.floor(rand() * (max + 1));
    const from = Date.parse('2024-12-31T23:00:00.000Z');
    const span = Date.parse('2026-11-19T12:00:00.000Z') - from;
    // Half of the times fall within 90 minutes of a local midnight that starts a month,
    // where a UTC date and a Stockholm date disagree.
    const when = (): string => {
      if (rand() < 0.5) return new Date(from + Math.floor(rand() * span)).toISOString();
      const month = int(21); // January 2025 … October 2026
      const first = `${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
      return new Date(Math.max(from, startOfLocalDate(first) + (int(180) - 90) * 60_000)).toISOString();
    };
    const make = (pick: number): EntryContent => {
      const at = when();
      const pool: (() => EntryContent)[] = [
        () => { const v = int(60); return realEntry('traffic_check', 'vetlanda-2025-exempel-a2', at, { focus: 'beteende', vehiclesChecked: v, breathTests: int(v), reports: int(5), suspectedImpaired: int(Math.min(v, 3)) }); },
        () => { const v = int(12); return realEntry('vehicle_inspection', 'vetlanda-2025-exempel-a3', at, { vehiclesInspected: v, prohibitions: int(Math.min(v, 3)) }); },
        () => { const p = int(15); const o = int(4); return realEntry('drug_operation', 'vetlanda-2025-exempel-a5', at, { personsChecked: p, personsAged21OrYounger: int(p), drugOffencesDetected: o, drugOffencesAged21OrYounger: int(o), intelligenceLed: rand() < 0.4 }); },
        () => { const v = int(80); return realEntry('traffic_check', 'tranas-2025-exempel-a1', at, { focus: 'nykterhet', vehiclesChecked: v, breathTests: v, reports: int(3), suspectedImpaired: int(Math.min(v, 2)) }); },
        () => { const p = int(10); const o = int(3); return realEntry('drug_operation', 'tranas-2025-exempel-a2', at, { personsChecked: p, personsAged21OrYounger: int(p), drugOffencesDetected: o, drugOffencesAged21OrYounger: int(o), intelligenceLed: rand() < 0.5 }); },
        () => realEntry('lob', 'tranas-2025-exempel-a3', at, { under18: int(1), age18to21: int(1), over21: 1 + int(1) }),
        () => realEntry('pl', 'tranas-2025-exempel-a3', at, { count: 1 + int(2), type: 'avvisning' }),
      ];
      return pool[pick % pool.length]!();
    };
    const changes = [];
    for (let i = 0; i < 400; i++) {
      const id = randomUUID();
      const pick = int(6);
      let content = make(pick);
      changes.push(upsert(content, id, 1));
      heads.set(id, content);
      const r = rand();
      if (r < 0.25) {
        // A correction: new figures and time, possibly another kind of the same activity (LOB ↔ PL).
        content = make(pick >= 5 ? 5 + int(1) : pick);
        changes.push(upsert(content, id, 2));
        heads.set(id, content);
      }
      if (r > 0.9 || r < 0.03) {
        changes.push(voidChange(content, id, r < 0.03 ? 3 : 2));
        heads.set(id, null);
      }
    }
    for (let i = 0; i < changes.length; i += 100) {
      const results = await api.pushOk(polis, changes.slice(i, i + 100));
      expect(results.filter((x) => x.status !== 'applied')).toEqual([]);
    }
    const samordnare = await api.token('samordnare');
    for (const doneOn of ['2025-02-14', '2025-05-01', '2025-09-30', '2026-10-01']) {
      const res = await api.request('POST', '/api/v1/completions', samordnare, { id: randomUUID(), activityId: 'tranas-2025-exempel-a5', doneOn, note: 'Kampanj' });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it.each([
    ['kommun=vetlanda', { kommunId: 'vetlanda', from: '2026-01-01', to: '2026-12-31' }],
    ['kommun=vetlanda&from=2025-01-01&to=2025-12-31', { kommunId: 'vetlanda', from: '2025-01-01', to: '2025-12-31' }],
    ['kommun=tranas&from=2025-03-15&to=2026-02-10&by=tertial', { kommunId: 'tranas', from: '2025-03-15', to: '2026-02-10', by: 'tertial' as const }],
    ['kommun=tranas&from=2026-01-01&to=2026-12-31', { kommunId: 'tranas', from: '2026-01-01', to: '2026-12-31' }],
  ])('%s', async (query, request) => {
    const res = await api.request('GET', `/api/v1/tallies?${query}`, chef);
    expect(res.statusCode).toBe(200);
    const server = (res.json() as TalliesResponse).tallies;

    const plan = planTallies(HOGLANDET, request);
    const days: DayCount[] = [];
    for (const content of heads.values()) {
      if (!content || content.kommunId !== request.kommunId || !plan.promiseIds.includes(content.promiseId)) continue;
      days.push({ activityId: content.activityId, kind: content.kind, day: localDate(content.startedAt), count: 1, sums: outcomesOf(content) });
    }
    const completions = ((await api.request('GET', '/api/v1/completions', chef)).json() as CompletionsResponse).completions;
    const expected = summarizeTallies(HOGLANDET, plan, [...rowsFromDays(plan, days), ...completionRows(plan, completions)], localDate(NOW));
    expect(server).toEqual(expected);
    // Not vacuous: the range holds entries.
    expect(server.promises.flatMap((p) => p.activities).reduce((n, a) => n + (a.cells.range?.count ?? 0), 0)).toBeGreaterThan(20);
  });
});
