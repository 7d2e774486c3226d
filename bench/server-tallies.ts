// Server tallies latency: GET /api/v1/tallies for one kommun over real HTTP, on
// 1 000 000 entries in PostgreSQL. Goal: under 300 ms. Printed, never asserted.
//   node --import tsx bench/server-tallies.ts
// Uses TEST_DATABASE_URL when set, else a temporary cluster of the local installation.
//
// The entries are written straight into the head table with INSERT … SELECT
// generate_series (pushing a million through the API would take minutes and measure
// ingest, which bench/server-ingest.ts does): the four kommuner of Höglandet against
// their "exempel" promises, 2025-01-01 to the bench's today, every loggable activity and
// kind of each promise with details of the kind's shape, 5 % corrected, 3 % withdrawn.
// The timed request is the dashboard's default: the busiest kommun, this year, which
// counts from the start of its two-year promise (all ~350 000 of its entries).
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { SEED_CATALOGUE, loggableActivities, withExamples } from '../src/domain/catalogue/index.ts';
import type { TalliesResponse } from '../src/domain/sync.ts';
import { createUser } from '../server/auth/users.ts';
import { seedCatalogue } from '../server/catalogue/seed.ts';
import type { Db } from '../server/db/db.ts';
import { migrate } from '../server/db/migrate.ts';
import { openPostgres } from '../server/db/postgres.ts';
import { buildApp } from '../server/http/app.ts';
import { resolvePostgres } from '../tests/server/support/pg-cluster.ts';

const ENTRIES = 1_000_000;
const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const WARMUP = 5;
const RUNS = 30;
/** Parallel INSERT statements for the fill (one per connection). */
const FILL_STREAMS = 4;
const PASSWORD = 'bench-losen';
const KOMMUN_WEIGHTS: Record<string, number> = { nassjo: 35, vetlanda: 30, tranas: 20, savsjo: 15 };

export interface TalliesFigures {
  entries: number;
  /** Entries the timed request counts (not voided, in the plan's promises and range). */
  countedEntries: number;
  fillSeconds: number;
  /** After VACUUM (the visibility map set, as autovacuum keeps it): what a dashboard sees. */
  p50Ms: number;
  p95Ms: number;
  /** Right after the bulk load with only ANALYZE: index-only scans still visit the heap. */
  coldP50Ms: number;
  coldP95Ms: number;
  /** The previous year (2025) only: about half the rows. */
  lastYearP50Ms: number;
  /** Share of the table's pages marked all-visible when p50Ms/p95Ms were measured (index-only scans need it). */
  allVisiblePct: number;
}

/** Weighted (kommun, promise, activity, kind) rows with cumulative bounds in [0, 1). */
function pairs(): { kommun: string; promise: string; activity: string; kind: string; lo: number; hi: number }[] {
  const catalogue = withExamples(SEED_CATALOGUE);
  const raw = catalogue.promises
    .filter((p) => p.example)
    .flatMap((p) => {
      const loggable = loggableActivities(p);
      return loggable.map(({ activity, entryKind }) => ({ kommun: p.kommunId, promise: p.id, activity: activity.id, kind: entryKind, w: (KOMMUN_WEIGHTS[p.kommunId] ?? 10) / loggable.length }));
    });
  const total = raw.reduce((n, r) => n + r.w, 0);
  let acc = 0;
  return raw.map(({ w, ...r }) => {
    const lo = acc / total;
    acc += w;
    return { ...r, lo, hi: acc / total };
  });
}

// One statement per stream; random() is per row because it is evaluated in the subquery's
// target list. Details follow the shared schema (e.g. "of them" never exceeds "in all").
const FILL_SQL = `
INSERT INTO entries (id, rev, officer_id, kommun_id, police_area_id, promise_id, activity_id, kind, started_at, voided, content)
SELECT gen_random_uuid(), CASE WHEN r.fate < 0.05 THEN 2 ELSE 1 END,
  ('00000000-0000-4000-8000-' || lpad(to_hex((r.x * 200)::int), 12, '0'))::uuid,
  p.kommun, 'hoglandet', p.promise, p.activity, p.kind, t.at, r.fate > 0.97,
  jsonb_build_object('kind', p.kind, 'kommunId', p.kommun, 'promiseId', p.promise, 'activityId', p.activity,
    'startedAt', to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'utcOffsetMinutes', 60, 'durationMinutes', 60,
    'place', 'Resecentrum', 'note', CASE WHEN r.x < 0.3 THEN 'Kontroll vid infarten' ELSE '' END,
    'details', CASE p.kind
      WHEN 'traffic_check' THEN jsonb_build_object('focus', 'nykterhet', 'vehiclesChecked', 10 + (r.x * 50)::int, 'breathTests', 10 + (r.x * 40)::int, 'reports', (r.y * 4)::int, 'suspectedImpaired', (r.y * 1.5)::int)
      WHEN 'vehicle_inspection' THEN jsonb_build_object('vehiclesInspected', 3 + (r.x * 10)::int, 'prohibitions', (r.y * 2)::int)
      WHEN 'drug_operation' THEN jsonb_build_object('personsChecked', 3 + (r.x * 10)::int, 'personsAged21OrYounger', 1 + (r.y * 2)::int, 'drugOffencesDetected', 1 + (r.x * 3)::int, 'drugOffencesAged21OrYounger', (r.y * 1)::int, 'intelligenceLed', r.y < 0.4)
      WHEN 'targeted_operation' THEN jsonb_build_object('personsChecked', 2 + (r.x * 10)::int, 'offencesDetected', (r.y * 3)::int, 'intelligenceLed', r.y < 0.6)
      WHEN 'lob' THEN jsonb_build_object('under18', (r.y < 0.1)::int, 'age18to21', (r.y >= 0.1 AND r.y < 0.3)::int, 'over21', (r.y >= 0.3)::int)
      WHEN 'pl' THEN jsonb_build_object('count', 1 + (r.y * 1)::int, 'type', 'avlagsnande')
      ELSE jsonb_build_object('minutes', 30 + (r.x * 90)::int) END)
FROM (SELECT random() AS pick, random() AS x, random() AS y, random() AS fate, random() AS at_ FROM generate_series(1, $2::int)) r
CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01T00:00:00+01' + ($3::timestamptz - timestamptz '2025-01-01T00:00:00+01') * r.at_ AS at) t
JOIN jsonb_to_recordset($1::text::jsonb) AS p(kommun text, promise text, activity text, kind text, lo float8, hi float8)
  ON r.pick >= p.lo AND r.pick < p.hi`;

async function fill(db: Db): Promise<number> {
  const started = performance.now();
  const json = JSON.stringify(pairs());
  const per = Math.ceil(ENTRIES / FILL_STREAMS);
  await Promise.all(Array.from({ length: FILL_STREAMS }, (_, i) => db.query(FILL_SQL, [json, Math.min(per, ENTRIES - i * per), new Date(NOW)])));
  return (performance.now() - started) / 1000;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function timeRequests(base: string, token: string, query: string): Promise<{ p50: number; p95: number; counted: number }> {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/tallies?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as TalliesResponse;
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`tallies: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    const counted = body.tallies.promises.flatMap((p) => p.activities).reduce((n, a) => n + (a.cells.period?.count ?? 0), 0);
    return { ms, counted };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  let counted = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    times.push(r.ms);
    counted = r.counted;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), counted };
}

async function run(db: Db): Promise<TalliesFigures> {
  await migrate(db);
  await seedCatalogue(db, withExamples(SEED_CATALOGUE));
  await createUser(db, { username: 'bench-chef', displayName: 'Bench', password: PASSWORD, roles: ['shift_lead'], policeAreaId: 'hoglandet', passwordCost: { N: 2 ** 10, r: 8, p: 1 } });
  const fillSeconds = await fill(db);
  await db.query('ANALYZE entries');

  const app = await buildApp({ db, clock: () => NOW, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-chef', password: PASSWORD, deviceId: 'bench' }) });
    const { token } = (await login.json()) as { token: string };
    const cold = await timeRequests(base, token, 'kommun=nassjo');
    await db.query('VACUUM ANALYZE entries');
    const [vm] = await db.query<{ pct: number }>(`SELECT round(100.0 * relallvisible / greatest(relpages, 1))::int AS pct FROM pg_class WHERE relname = 'entries'`);
    const warm = await timeRequests(base, token, 'kommun=nassjo');
    const lastYear = await timeRequests(base, token, 'kommun=nassjo&from=2025-01-01&to=2025-12-31');
    return {
      entries: ENTRIES,
      countedEntries: warm.counted,
      fillSeconds,
      p50Ms: warm.p50,
      p95Ms: warm.p95,
      coldP50Ms: cold.p50,
      coldP95Ms: cold.p95,
      lastYearP50Ms: lastYear.p50,
      allVisiblePct: vm?.pct ?? 0,
    };
  } finally {
    await app.close();
  }
}

export async function benchServerTallies(): Promise<TalliesFigures | Record<string, string>> {
  // Read latency does not depend on fsync; without it the bulk load is faster.
  const server = await resolvePostgres({ fast: true });
  if (!server) {
    console.log('  PostgreSQL: skipped (no TEST_DATABASE_URL and no local installation)');
    return { skipped: 'no PostgreSQL' };
  }
  const name = `bench_tallies_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), { max: FILL_STREAMS, statementTimeoutMs: 170_000 });
    try {
      const figures = await run(db);
      console.log(
        `  tallies (${server.description}): ${figures.entries} entries, the request counts ${figures.countedEntries}; ` +
          `p50 ${figures.p50Ms.toFixed(0)} ms, p95 ${figures.p95Ms.toFixed(0)} ms (goal < 300 ms); ` +
          `right after the load ${figures.coldP50Ms.toFixed(0)}/${figures.coldP95Ms.toFixed(0)} ms; fill ${figures.fillSeconds.toFixed(1)} s`,
      );
      return figures;
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  console.log(await benchServerTallies());
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}
