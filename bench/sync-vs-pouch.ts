// Side by side on this machine: the app's sync of 10 000 queued entries against PouchDB's
// one-shot replication of the same 10 000 documents to pouchdb-server. Both in the same
// Chromium build, both with IndexedDB on disk, both from a cold start (the browser
// restarted after filling), both on a settled database (see settle() below), both pages
// served by the server they talk to (same origin: no CORS preflights for either), both
// servers a separate Node process with their defaults and request logging (ours with its
// per-user push throttle off: see lib/unthrottled-server.ts), both warmed up alike first
// by another backlog of the same size through their own protocol (lib/warm-up.ts).
// Timed in the page from the call to the end:
//   app:    syncOnce until its push loop is done (every entry acknowledged and its receipt
//           stored); the full run, which then pulls the 10 000 back, is reported beside it;
//   PouchDB: PouchDB.replicate(local, remote) until it resolves.
// Same documents: the app's push changes, made once in Node (sync-entries.ts); in PouchDB
// each change is a document with its id as _id. Where the two differ, the difference
// is the app's design and weighs against it: its IndexedDB writes use strict durability
// (PouchDB's use the browser default), it opens (decrypts) each entry before pushing it
// (issue 7), and it marks each batch 'sending' before the request. The app side also
// reports how long at least one push was awaiting the server, so the rest is device work
// nothing on the wire hid. Its receipts are folded into the records after the run, as the
// app does while the officer goes on (foldAfterRun in src/sync/engine.ts): that is timed
// and reported on its own, in neither the push's figure nor the run's.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import type { Catalogue } from '../src/domain/catalogue/index.ts';
import type { PushChange } from '../src/domain/sync.ts';
import { resolvePostgres, type PgServer } from '../tests/server/support/pg-cluster.ts';
import { AppServer } from './lib/app-server.ts';
import { DiskBrowser } from './lib/browser.ts';
import { ensureExternal, externalPath } from './lib/external.ts';
import { injectBundle } from './lib/page-bundle.ts';
import { PouchServer } from './lib/pouchdb-server.ts';
import { waitForIdleBrowser } from './lib/settle.ts';
import { median } from './lib/stats.ts';
import { warmUpApp, warmUpPouch } from './lib/warm-up.ts';
import { makeChanges } from './sync-entries.ts';

export const SYNC_ENTRIES = Number(process.env.BENCH_SYNC_ENTRIES ?? 10_000);
/**
 * Rounds of the three runs (app on PGlite, PouchDB, app on PostgreSQL), one after the
 * other, so that both sides meet the same spells of the machine. A single run's push
 * varied by a third between calls of the bench (1.25-1.91 s), as the two cores it shares
 * with the browser were slower or faster; figures are the middle round's, ratios the
 * median of the rounds' own.
 */
export const SYNC_ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
if (!Number.isInteger(SYNC_ROUNDS) || SYNC_ROUNDS < 1) throw new Error(`BENCH_SYNC_ROUNDS must be a whole number of at least 1, not "${process.env.BENCH_SYNC_ROUNDS}"`);
const PAGE = 'bench/browser/sync-compare.ts';
const OFFICER = 'polis1';
const DEVICE = 'bench-sync-device';

/** Call one of the functions sync-compare.ts put on window. */
async function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return (await page.evaluate(({ name, args }) => (window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args), { name, args })) as T;
}

interface AppFigures {
  pushMs: number;
  pushRequests: number;
  awaitingServerMs: number;
  deviceWorkMs: number;
  fullSyncMs: number;
  /** After the run, as the app does it in the background: folding the receipts into the records. */
  foldMs: number;
  pushed: number;
  rejected: number;
  pulledBack: number;
  leftInQueue: number;
  fillSeconds: number;
  /** Reading the fill back and waiting for the browser to go idle (settle). */
  settleMs: number;
}

async function catalogueOf(server: AppServer, token: string): Promise<Catalogue> {
  const res = await fetch(`${server.url}/api/v1/catalogue`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /catalogue ${res.status}`);
  return (await res.json()) as Catalogue;
}

/** Fill the app's database in one browser session, restart the browser, sync. */
async function runApp(server: AppServer, changes: PushChange[] | null): Promise<{ figures: AppFigures; changes: PushChange[] }> {
  const session = await server.login(OFFICER, DEVICE);
  // The entries are made once, from the first server's catalogue; a second server (the
  // demo catalogue is the same) must accept the same ones.
  const list = changes ?? makeChanges(await catalogueOf(server, session.token), session.user.kommunIds, SYNC_ENTRIES, Date.now());
  const key = [...randomBytes(32)];
  const browser = new DiskBrowser();
  try {
    let page = await browser.open();
    // Any page of the server's origin will do: the API's health answer, not the app (no service worker).
    await page.goto(`${server.url}/api/v1/health`);
    await injectBundle(page, PAGE);
    const f0 = performance.now();
    const queued = await call<number>(page, 'fillApp', list, key, session.user.id, DEVICE);
    const fillSeconds = (performance.now() - f0) / 1000;
    if (queued !== list.length) throw new Error(`queued ${queued} of ${list.length}`);
    const settleMs = await settle(browser, async () => {
      const p = await browser.open();
      await p.goto(`${server.url}/api/v1/health`);
      await injectBundle(p, PAGE);
      return call<number>(p, 'settleApp');
    });
    page = await browser.open(); // cold start
    await page.goto(`${server.url}/api/v1/health`);
    await injectBundle(page, PAGE);
    const r = await call<Omit<AppFigures, 'fillSeconds' | 'settleMs'>>(page, 'syncApp', key, session.token, session.user.id, DEVICE);
    if (r.pushed !== list.length || r.rejected !== 0 || r.leftInQueue !== 0) throw new Error(`app sync incomplete: ${JSON.stringify(r)}`);
    return { figures: { ...r, fillSeconds, settleMs }, changes: list };
  } finally {
    await browser.dispose();
  }
}

async function runPouch(changes: PushChange[]) {
  const server = new PouchServer();
  const browser = new DiskBrowser();
  try {
    await server.start();
    const remote = await server.createDb('bench');
    await server.createDb('warmup');
    const warmUpMs = await warmUpPouch(server.url, 'warmup', changes);
    const pouchJs = externalPath('pouchdb/dist/pouchdb.min.js');
    const open = async () => {
      const page = await browser.open();
      await page.goto(`${server.url}/`);
      await page.addScriptTag({ path: pouchJs });
      await injectBundle(page, PAGE);
      return page;
    };
    let page = await open();
    const f0 = performance.now();
    const filled = await call<{ docs: number; adapter: string; version: string }>(page, 'fillPouch', changes);
    const fillSeconds = (performance.now() - f0) / 1000;
    if (filled.docs !== changes.length) throw new Error(`PouchDB holds ${filled.docs} of ${changes.length}`);
    const settleMs = await settle(browser, async () => call<number>(await open(), 'settlePouch'));
    page = await open(); // cold start
    const r = await call<{ replicateMs: number; requests: number; awaitingServerMs: number; ok: boolean; docsRead: number; docsWritten: number; writeFailures: number; errors: number }>(page, 'replicatePouch', remote);
    const onServer = await server.docCount('bench');
    if (!r.ok || r.docsWritten !== changes.length || onServer !== changes.length) throw new Error(`PouchDB replication incomplete: ${JSON.stringify(r)}, ${onServer} on the server`);
    return { ...r, onServer, fillSeconds, settleMs, warmUpMs, pouchdbVersion: filled.version, localAdapter: filled.adapter };
  } finally {
    await browser.dispose();
    await server.dispose();
  }
}

/**
 * Settle the filled database: restart the browser on the profile, read everything back
 * (`readBack`), and wait until the browser is idle; the timed run then starts from the
 * next restart. Returns how long it took. Filled in one go a second before, the database
 * had LevelDB compact the fill's 30 MB during the timed run, set off by the run's own
 * reads and writes: 25-55 MB of compaction on the two cores the run and the server
 * share (the profile's LevelDB LOG). A phone's backlog is written over days, and
 * LevelDB has long caught up when it syncs. Both sides are settled alike; PouchDB's
 * replication took as long either way (6.7-7.1 s).
 */
async function settle(browser: DiskBrowser, readBack: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  if ((await readBack()) === 0) throw new Error('nothing read back from the filled database');
  await waitForIdleBrowser();
  return performance.now() - t0;
}

type AppRun = AppFigures & { warmUpMs: number };
type PouchRun = Awaited<ReturnType<typeof runPouch>>;

interface Round {
  appPglite: AppRun;
  pouchdb: PouchRun;
  appPostgres: (AppRun & { database: string }) | null;
}

/** A fresh app server (PGlite in a temp folder, or the given PostgreSQL database), warmed up, then the timed run. */
async function runAppServer(changes: PushChange[] | null, databaseUrl?: string): Promise<{ figures: AppRun; changes: PushChange[] }> {
  const server = new AppServer({ unthrottled: true, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    await server.start();
    const warmUpMs = await warmUpApp(server, SYNC_ENTRIES);
    const r = await runApp(server, changes);
    return { figures: { ...r.figures, warmUpMs }, changes: r.changes };
  } finally {
    await server.dispose();
  }
}

/** The app against a new database of the PostgreSQL server, dropped afterwards. */
async function runAppPostgres(pgServer: PgServer, changes: PushChange[]): Promise<AppRun & { database: string }> {
  const name = `bench_sync_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgServer.url);
    url.pathname = `/${name}`;
    const r = await runAppServer(changes, url.toString());
    return { ...r.figures, database: pgServer.description };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

/** The figures of the round in the middle by `key` (the lower middle for an even count), with every round's value of it. */
function middleRun<T>(runs: T[], key: (run: T) => number): T & { byRound: number[] } {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return { ...sorted[(sorted.length - 1) >> 1]!, byRound: runs.map(key) };
}

export async function benchSyncVsPouch(): Promise<Record<string, unknown>> {
  ensureExternal();
  const out: Record<string, unknown> = { entries: SYNC_ENTRIES, rounds: SYNC_ROUNDS };
  // The same against PostgreSQL: TEST_DATABASE_URL, or a throwaway local cluster (fsync on), else skipped.
  const pgServer = await resolvePostgres({ fast: false });
  const rounds: Round[] = [];
  let changes: PushChange[] | null = null;
  try {
    for (let i = 1; i <= SYNC_ROUNDS; i++) {
      const lite = await runAppServer(changes);
      changes = lite.changes;
      const f = lite.figures;
      console.log(`  round ${i}/${SYNC_ROUNDS}: app → server (PGlite): ${f.pushMs.toFixed(0)} ms to all acknowledged (the whole run with the pull-back ${f.fullSyncMs.toFixed(0)} ms; then folding the receipts into the records, in the background, ${f.foldMs.toFixed(0)} ms)`);
      const pouchdb = await runPouch(changes);
      console.log(`  round ${i}/${SYNC_ROUNDS}: PouchDB ${pouchdb.pouchdbVersion} (${pouchdb.localAdapter}) → pouchdb-server (LevelDB): ${pouchdb.replicateMs.toFixed(0)} ms`);
      const appPostgres = pgServer ? await runAppPostgres(pgServer, changes) : null;
      if (appPostgres) console.log(`  round ${i}/${SYNC_ROUNDS}: app → server (PostgreSQL): ${appPostgres.pushMs.toFixed(0)} ms to all acknowledged`);
      rounds.push({ appPglite: f, pouchdb, appPostgres });
    }
  } finally {
    await pgServer?.stop();
  }

  // Each round's ratio compares runs made minutes apart; the figure is their median.
  const ratios = (app: (r: Round) => number | null) => rounds.flatMap((r) => (app(r) === null ? [] : [r.pouchdb.replicateMs / app(r)!]));
  out.appPglite = middleRun(rounds.map((r) => r.appPglite), (r) => r.pushMs);
  out.pouchdb = middleRun(rounds.map((r) => r.pouchdb), (r) => r.replicateMs);
  out.ratioPgliteRounds = ratios((r) => r.appPglite.pushMs);
  out.ratioPglite = median(out.ratioPgliteRounds as number[]);
  out.ratioPgliteFullSync = median(ratios((r) => r.appPglite.fullSyncMs));
  const postgres = rounds.flatMap((r) => (r.appPostgres ? [r.appPostgres] : []));
  if (postgres.length > 0) {
    out.appPostgres = middleRun(postgres, (r) => r.pushMs);
    out.ratioPostgresRounds = ratios((r) => r.appPostgres?.pushMs ?? null);
    out.ratioPostgres = median(out.ratioPostgresRounds as number[]);
  } else {
    out.appPostgres = 'skipped: no TEST_DATABASE_URL and no local PostgreSQL';
  }
  const list = (xs: unknown) => (xs as number[]).map((x) => `${x.toFixed(2)}×`).join(', ');
  console.log(`  PouchDB time / app time, median of ${SYNC_ROUNDS} rounds: PGlite ${(out.ratioPglite as number).toFixed(2)}× (${list(out.ratioPgliteRounds)})` + (postgres.length > 0 ? `; PostgreSQL ${(out.ratioPostgres as number).toFixed(2)}× (${list(out.ratioPostgresRounds)})` : ''));
  return out;
}
