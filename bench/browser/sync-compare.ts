// Runs in Chromium for the side-by-side sync benchmark (bench/sync-vs-pouch.ts). One
// bundle, injected into a page on the origin of whichever server is measured: the app's
// own sync engine against our server, or PouchDB (window.PouchDB, its browser build
// from bench/external, injected as a file) against pouchdb-server. Each side is filled
// in one browser session and timed in the next, after a browser restart.
import { FieldLogDb, countQueued } from '../../src/db/index.ts';
import type { EntryRevision } from '../../src/domain/entry.ts';
import type { PushChange } from '../../src/domain/sync.ts';
import { createApi, type Api, type RequestOptions } from '../../src/sync/api.ts';
import { foldAfterRun, syncOnce } from '../../src/sync/engine.ts';
import { bulkStore, unlockWith } from './fill.ts';

const APP_DB = 'bench-sync-10k';
const POUCH_DB = 'bench-pouch-10k';

/** The part of PouchDB's API used here (its browser build has no types in this repo). */
interface PouchDatabase {
  info(): Promise<{ doc_count: number; adapter: string }>;
  bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; error?: string }>>;
  allDocs(options: { include_docs: boolean }): Promise<{ rows: unknown[] }>;
  changes(options: { since: number; include_docs: boolean }): Promise<{ results: unknown[] }>;
}
interface PouchStatic {
  new (name: string, options?: { fetch?: (url: RequestInfo | URL, init?: RequestInit) => Promise<Response> }): PouchDatabase;
  replicate(source: PouchDatabase, target: PouchDatabase): Promise<{ ok: boolean; docs_read: number; docs_written: number; doc_write_failures: number; errors: unknown[] }>;
  version: string;
}

const w = window as unknown as Record<string, unknown>;

// ---- this app ----

w.fillApp = async (changes: PushChange[], key: number[], officerId: string, deviceId: string): Promise<number> => {
  await unlockWith(key);
  const db = new FieldLogDb(APP_DB);
  await db.open();
  // As a save makes them: the revision the officer logged, unsent (serverSeq null).
  const revisions: EntryRevision[] = changes.map((c) => ({ id: c.id, rev: c.rev, op: c.op, content: c.entry, voidReason: c.voidReason, officerId, deviceId, clientTime: c.clientTime, serverTime: null, serverSeq: null }));
  await bulkStore(db, revisions, { queued: true });
  const queued = await countQueued(db);
  db.close();
  return queued;
};

/**
 * Read back every record the fill wrote, as days of use would, and keep the database open
 * while LevelDB compacts (sync-vs-pouch.ts waits for the browser to go idle). Returns the
 * number of records read.
 */
w.settleApp = async (): Promise<number> => {
  const db = new FieldLogDb(APP_DB);
  await db.open();
  let records = 0;
  for (const table of db.tables) records += (await table.toArray()).length;
  w.settledApp = db;
  return records;
};

w.syncApp = async (key: number[], token: string, officerId: string, deviceId: string) => {
  await unlockWith(key);
  const db = new FieldLogDb(APP_DB);
  await db.open();
  const api = createApi();
  let pushDoneAt = NaN;
  let pushes = 0;
  let awaitingServerMs = 0;
  let onWire = 0;
  let wireSince = 0;
  // The push loop is over when the engine first calls anything but /sync/push (the pull
  // or the heartbeat): by then every batch was answered and its receipt stored. The time
  // with at least one push awaiting its answer (network + server; two may overlap) is
  // summed, so the rest is device work nothing on the wire hid (reading, opening and
  // marking the first batch, storing the last receipts, and any gap between pushes).
  const timed = (async (method: string, path: string, opts?: RequestOptions) => {
    const isPush = path.startsWith('/sync/push');
    if (Number.isNaN(pushDoneAt) && !isPush) pushDoneAt = performance.now();
    if (isPush && onWire++ === 0) wireSince = performance.now();
    try {
      return await api(method, path, opts);
    } finally {
      if (isPush) {
        pushes++;
        if (--onWire === 0) awaitingServerMs += performance.now() - wireSince;
      }
    }
  }) as Api;
  const t0 = performance.now();
  const report = await syncOnce({ db, api: timed, token, officerId, deviceId, appVersion: 'bench', now: () => Date.now() });
  const fullMs = performance.now() - t0;
  const leftInQueue = await countQueued(db);
  // After the run, as the app does (engine.ts): the receipts folded into the records.
  const f0 = performance.now();
  await foldAfterRun(db);
  const foldMs = performance.now() - f0;
  db.close();
  return { pushMs: pushDoneAt - t0, pushRequests: pushes, awaitingServerMs, deviceWorkMs: pushDoneAt - t0 - awaitingServerMs, fullSyncMs: fullMs, foldMs, pushed: report.pushed, rejected: report.rejected, pulledBack: report.pulled, leftInQueue };
};

// ---- PouchDB ----

function pouch(): PouchStatic {
  const P = w.PouchDB as PouchStatic | undefined;
  if (!P) throw new Error('PouchDB is not loaded in this page');
  return P;
}

/** The push change as a document: the same JSON, its id as _id (rev is ours, not PouchDB's _rev). */
w.fillPouch = async (changes: PushChange[]): Promise<{ docs: number; adapter: string; version: string }> => {
  const db = new (pouch())(POUCH_DB);
  for (let i = 0; i < changes.length; i += 1000) {
    const docs = changes.slice(i, i + 1000).map(({ id, ...rest }) => ({ _id: id, ...rest }));
    const failed = (await db.bulkDocs(docs)).filter((r) => r.error);
    if (failed.length > 0) throw new Error(`PouchDB refused ${failed.length} documents: ${JSON.stringify(failed[0])}`);
  }
  const info = await db.info();
  return { docs: info.doc_count, adapter: info.adapter, version: pouch().version };
};

/** The same for PouchDB: every document and the changes feed read once, the database left open. */
w.settlePouch = async (): Promise<number> => {
  const db = new (pouch())(POUCH_DB);
  const [docs, changes] = [await db.allDocs({ include_docs: true }), await db.changes({ since: 0, include_docs: true })];
  w.settledPouch = db;
  return docs.rows.length + changes.results.length;
};

w.replicatePouch = async (remote: string) => {
  const P = pouch();
  const db = new P(POUCH_DB);
  await db.info(); // opened before the clock starts, as the app's database is
  // Count the requests and the time spent awaiting answers (to their headers), as for the app, through
  // the HTTP adapter's fetch option (PouchDB may overlap requests, so the sum can
  // exceed the total). The remote is the same URL the one-shot replicate would open.
  let requests = 0;
  let awaitingServerMs = 0;
  const counted = async (url: RequestInfo | URL, init?: RequestInit) => {
    requests++;
    const t = performance.now();
    try {
      return await fetch(url, init);
    } finally {
      awaitingServerMs += performance.now() - t;
    }
  };
  const target = new P(remote, { fetch: counted });
  const t0 = performance.now();
  const result = await P.replicate(db, target);
  const ms = performance.now() - t0;
  return { replicateMs: ms, requests, awaitingServerMs, ok: result.ok, docsRead: result.docs_read, docsWritten: result.docs_written, writeFailures: result.doc_write_failures, errors: result.errors.length };
};
