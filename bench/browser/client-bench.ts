// Runs in Chromium (served by Vite from bench/run.ts): the real db modules on the real
// IndexedDB, timing what an officer waits for.
import { FieldLogDb, saveEntry, countLive } from '../../src/db/index.ts';
import { computeTallies } from '../../src/db/tally-queries.ts';
import { SEED_CATALOGUE, withExamples, activePromise, loggableActivities } from '../../src/domain/catalogue/index.ts';
import { progressWindow } from '../../src/domain/progress.ts';
import type { EntryContent } from '../../src/domain/entry.ts';
import type { EntryRevision } from '../../src/domain/entry.ts';
import { fillDashboard, DASHBOARD_ENTRIES, DASHBOARD_KOMMUN, DASHBOARD_TODAY } from './dashboard-data.ts';
import { bulkStore, randomKeyBytes, unlockWith } from './fill.ts';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

const catalogue = withExamples(SEED_CATALOGUE);
const promise = activePromise(catalogue, 'nassjo', '2025-06-01')!;
const activities = loggableActivities(promise);

function content(i: number): EntryContent {
  const { activity, entryKind } = activities[i % activities.length]!;
  const started = new Date(Date.parse('2025-01-01T06:00:00Z') + (i % 700) * 86_400_000 * 0.99).toISOString();
  const base = { kommunId: 'nassjo', promiseId: promise.id, activityId: activity.id, startedAt: started, utcOffsetMinutes: 60, durationMinutes: 60, place: 'Storgatan', note: '' };
  switch (entryKind) {
    case 'lob':
      return { ...base, kind: 'lob', details: { under18: 0, age18to21: 1, over21: 0 } };
    case 'pl':
      return { ...base, kind: 'pl', details: { count: 1, type: 'avvisning' } };
    case 'drug_operation':
      return { ...base, kind: 'drug_operation', details: { personsChecked: 5, personsAged21OrYounger: 2, drugOffencesDetected: 1, drugOffencesAged21OrYounger: 1, intelligenceLed: true } };
    default:
      return { ...base, kind: 'traffic_check', details: { focus: 'allman', vehiclesChecked: 40, breathTests: 40, reports: 1, suspectedImpaired: 0 } };
  }
}

async function seed(db: FieldLogDb, n: number) {
  // Bulk-loaded in the records the app writes (fill.ts), in one big transaction.
  const revisions: EntryRevision[] = [];
  for (let i = 0; i < n; i++) {
    const c = content(i);
    revisions.push({ id: crypto.randomUUID(), rev: 1, op: 'upsert', content: c, voidReason: null, officerId: 'o1', deviceId: 'd1', clientTime: c.startedAt, serverTime: null, serverSeq: i + 1 });
  }
  // The day rows the saves would have made come with it, so a timed save updates an existing row.
  await bulkStore(db, revisions, { queued: false });
}

async function benchSave() {
  const db = new FieldLogDb(`bench-save-${Date.now()}`);
  await db.open();
  await seed(db, 10_000);
  const ctx = { officerId: 'o1', deviceId: 'd1', now: () => Date.now() };
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await saveEntry(db, content(i), ctx);
    samples.push(performance.now() - t0);
  }
  db.close();
  await FieldLogDb.delete(db.name);
  return stats(samples.slice(20)); // the first saves warm up the JIT and the database file
}

async function benchProgress() {
  const db = new FieldLogDb(`bench-progress-${Date.now()}`);
  await db.open();
  await seed(db, 10_000);
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    // Exactly what the home screen does (features/log/Home.tsx).
    await Promise.all(
      activities.map(({ activity, entryKind }) => {
        const { range } = progressWindow(activity, promise, '2025-06-01');
        return countLive(db, activity.id, [entryKind], range.from, range.to);
      }),
    );
    samples.push(performance.now() - t0);
  }
  db.close();
  await FieldLogDb.delete(db.name);
  return stats(samples.slice(5));
}

/**
 * The shift lead's dashboard: one kommun's tallies (day rows + completions + the domain
 * arithmetic) over a year and over its whole promise period, from 100 000 entries.
 */
async function benchDashboard() {
  const db = new FieldLogDb(`bench-dashboard-${Date.now()}`);
  await db.open();
  const t0 = performance.now();
  const data = await fillDashboard(db, catalogue);
  const fillMs = performance.now() - t0;
  const time = async (request: { kommunId: string; from: string; to: string }, expected: number) => {
    const samples: number[] = [];
    let counted = -1;
    for (let i = 0; i < 22; i++) {
      const t = performance.now();
      const tallies = await computeTallies(db, catalogue, request, DASHBOARD_TODAY, data.completions);
      samples.push(performance.now() - t);
      counted = tallies.promises.flatMap((p) => p.activities).reduce((n, a) => n + a.cells['range']!.count, 0);
    }
    // The tally must count what was put in, or the figure means nothing.
    if (counted !== expected) throw new Error(`dashboard counted ${counted} for ${request.from}–${request.to}, expected ${expected}`);
    return { first: samples[0]!, ...stats(samples.slice(2)) };
  };
  const year = await time({ kommunId: DASHBOARD_KOMMUN, from: '2025-01-01', to: '2025-12-31' }, data.liveIn(DASHBOARD_KOMMUN, '2025-01-01', '2025-12-31'));
  const period = await time({ kommunId: DASHBOARD_KOMMUN, from: '2025-01-01', to: '2026-12-31' }, data.liveIn(DASHBOARD_KOMMUN, '2025-01-01', '2026-12-31'));
  const figures = {
    dashboardYear: year,
    dashboardPeriod: period,
    dashboardData: {
      entries: DASHBOARD_ENTRIES,
      revisions: data.revisions,
      dayRows: await db.dayTallies.count(),
      kommunEntriesInYear: data.liveIn(DASHBOARD_KOMMUN, '2025-01-01', '2025-12-31'),
      kommunEntriesInPeriod: data.liveIn(DASHBOARD_KOMMUN, '2025-01-01', '2026-12-31'),
      bulkFillSeconds: fillMs / 1000,
    },
  };
  db.close();
  await FieldLogDb.delete(db.name);
  return figures;
}

// The device data is sealed with a key that only an unlocked app holds (src/crypto): the
// benches unlock with a throwaway one, as the PIN screen would with the officer's.
(window as unknown as { runBench: () => Promise<unknown> }).runBench = async () => {
  await unlockWith(randomKeyBytes());
  return { saveEntry: await benchSave(), homeProgress10k: await benchProgress(), ...(await benchDashboard()) };
};

/** One phone with 1 000 queued entries syncing fully against the local server (through the page's origin). */
(window as unknown as { runSyncBench: (token: string, officerId: string) => Promise<unknown> }).runSyncBench = async (token, officerId) => {
  const { syncOnce } = await import('../../src/sync/engine.ts');
  const { createApi } = await import('../../src/sync/api.ts');
  const { countQueued } = await import('../../src/db/index.ts');
  await unlockWith(randomKeyBytes());
  const db = new FieldLogDb(`bench-sync-${Date.now()}`);
  await db.open();
  const ctx = { officerId, deviceId: 'bench-device', now: () => Date.now() };
  const today = Date.now();
  for (let i = 0; i < 1000; i++) {
    // Started within the last weeks, so the example period accepts them and none is "in the future".
    await saveEntry(db, { ...content(i), startedAt: new Date(today - (i + 1) * 3_600_000).toISOString() }, ctx);
  }
  const t0 = performance.now();
  const report = await syncOnce({ db, api: createApi(), token, officerId, deviceId: 'bench-device', appVersion: 'bench', now: () => Date.now() });
  const ms = performance.now() - t0;
  const left = await countQueued(db);
  db.close();
  await FieldLogDb.delete(db.name);
  return { syncMs: ms, pushed: report.pushed, rejected: report.rejected, leftInQueue: left };
};
