// Server ingest rate: entries per second pushed in batches of 100 through the real
// HTTP route (listening on 127.0.0.1) into PGlite and into PostgreSQL. Goals: ≥ 5 000/s
// on PGlite, ≥ 20 000/s on PostgreSQL. Printed, never asserted.
//   node --import tsx bench/server-ingest.ts
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { SEED_CATALOGUE, withExamples } from '../src/domain/catalogue/index.ts';
import type { EntryContent } from '../src/domain/entry.ts';
import type { PushChange, PushRequest } from '../src/domain/sync.ts';
import { createUser } from '../server/auth/users.ts';
import { seedCatalogue } from '../server/catalogue/seed.ts';
import type { Db } from '../server/db/db.ts';
import { migrate } from '../server/db/migrate.ts';
import { openPglite } from '../server/db/pglite.ts';
import { openPostgres } from '../server/db/postgres.ts';
import { buildApp } from '../server/http/app.ts';
import { resolvePostgres } from '../tests/server/support/pg-cluster.ts';

const ENTRIES = 20_000;
const BATCH = 100;
const NOW = Date.parse('2025-06-15T10:00:00.000Z');
const PASSWORD = 'bench-losen';

interface IngestFigures {
  entriesPerSec: number;
  batchP50Ms: number;
  batchP95Ms: number;
  /** CPU of the whole Node process (server thread + load-generator thread), in cores. */
  nodeCpuCores: number;
}

function entryFor(catalogue: ReturnType<typeof withExamples>): EntryContent {
  const promise = catalogue.promises.find((p) => p.example && p.activities.some((a) => a.entryKinds.includes('traffic_check')));
  const activity = promise?.activities.find((a) => a.entryKinds.includes('traffic_check'));
  if (!promise || !activity) throw new Error('no example promise with a traffic check to log against');
  return {
    kind: 'traffic_check',
    kommunId: promise.kommunId,
    promiseId: promise.id,
    activityId: activity.id,
    startedAt: '2025-06-14T20:00:00.000Z',
    utcOffsetMinutes: 120,
    durationMinutes: 90,
    place: 'Rv 31 norr',
    note: 'Nykterhetskontroll vid avfarten',
    details: { focus: 'nykterhet', vehiclesChecked: 40, breathTests: 40, reports: 2, suspectedImpaired: 1 },
  };
}

// The phones are simulated in a worker thread so that their HTTP client work does not
// share the server's event loop, as it would not in reality. Plain JS: no loader needed.
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, tokens, perDevice } = workerData;
Promise.all(tokens.map(async (token, d) => {
  const latencies = [];
  for (const body of perDevice[d]) {
    const t0 = performance.now();
    const res = await fetch(base + '/api/v1/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body });
    const json = await res.json();
    if (res.status !== 200 || json.results.some((r) => r.status !== 'applied')) throw new Error('push failed: ' + res.status + ' ' + JSON.stringify(json).slice(0, 300));
    latencies.push(performance.now() - t0);
  }
  return latencies;
})).then((all) => parentPort.postMessage(all.flat()), (err) => parentPort.postMessage({ error: String(err) }));
`;

function loadFromWorker(base: string, tokens: string[], perDevice: string[][]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { base, tokens, perDevice } });
    worker.once('message', (m: number[] | { error: string }) => {
      void worker.terminate();
      if (Array.isArray(m)) resolve(m);
      else reject(new Error(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load generator exited (${code}) without an answer`)));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** `devices` simulated phones push disjoint batches concurrently until ENTRIES are in. */
async function ingest(db: Db, devices: number): Promise<IngestFigures> {
  await migrate(db);
  const catalogue = withExamples(SEED_CATALOGUE);
  await seedCatalogue(db, catalogue);
  const entry = entryFor(catalogue);
  const area = catalogue.kommuner.find((k) => k.id === entry.kommunId)!.policeAreaId;
  for (let i = 0; i < devices; i++) {
    await createUser(db, { username: `bench${i}`, displayName: `Bench ${i}`, password: PASSWORD, roles: ['officer'], policeAreaId: area, passwordCost: { N: 2 ** 10, r: 8, p: 1 } });
  }
  const app = await buildApp({ db, clock: () => NOW, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const tokens = await Promise.all(
      Array.from({ length: devices }, async (_, i) => {
        const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `bench${i}`, password: PASSWORD, deviceId: `bench-${i}` }) });
        return ((await res.json()) as { token: string }).token;
      }),
    );
    // Bodies are made before the clock starts (the figure is the server's, not
    // JSON.stringify's), dealt round-robin to the devices, each with its own deviceId.
    const perDevice: string[][] = tokens.map(() => []);
    for (let b = 0; b < ENTRIES / BATCH; b++) {
      const changes: PushChange[] = Array.from({ length: BATCH }, () => ({ id: randomUUID(), rev: 1, op: 'upsert', entry, voidReason: null, clientTime: '2025-06-14T21:00:00.000Z' }));
      const body: PushRequest = { deviceId: `bench-${b % devices}`, heartbeat: { appVersion: 'bench', queuedCount: 0, oldestQueuedAt: null }, changes };
      perDevice[b % devices]!.push(JSON.stringify(body));
    }
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const latencies = await loadFromWorker(base, tokens, perDevice);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entry_revisions');
    if (row?.n !== ENTRIES) throw new Error(`expected ${ENTRIES} revisions, found ${row?.n}`);
    latencies.sort((a, b) => a - b);
    return {
      entriesPerSec: Math.round(ENTRIES / seconds),
      batchP50Ms: percentile(latencies, 0.5),
      batchP95Ms: percentile(latencies, 0.95),
      nodeCpuCores: (cpu.user + cpu.system) / 1e6 / seconds,
    };
  } finally {
    await app.close();
  }
}

export async function benchServerIngest(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const put = (prefix: string, f: IngestFigures) => {
    for (const [k, v] of Object.entries(f)) figures[`${prefix}.${k}`] = v;
  };

  // BENCH_ONLY=pglite or BENCH_ONLY=postgres runs one half (for profiling).
  const only = process.env.BENCH_ONLY;
  if (only !== 'postgres') {
    const lite = await openPglite();
    try {
      put('pglite', await ingest(lite, 4));
    } finally {
      await lite.close();
    }
    console.log(`  PGlite: ${figures['pglite.entriesPerSec']} entries/s (goal ≥ 5000)`);
  }
  if (only === 'pglite') return figures;

  // Durable settings (fsync on): this measures what a real deployment would commit.
  const server = await resolvePostgres({ fast: false });
  if (!server) {
    console.log('  PostgreSQL: skipped (no TEST_DATABASE_URL and no local installation)');
    return figures;
  }
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), { max: 16 });
    try {
      put('postgres', await ingest(db, 8));
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
    await server.stop();
  }
  console.log(`  PostgreSQL (${server.description}): ${figures['postgres.entriesPerSec']} entries/s (goal ≥ 20000)`);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchServerIngest();
  console.log(figures);
}
