// `npm run bench`: prints every speed figure the issues set goals for, and writes them
// to bench/results/latest.json. Figures, never assertions: a missed goal is printed as
// MISS in the closing table and the process still exits 0.
//
//   npm run bench                              every section (about 8–10 minutes on 2 cores)
//   npm run bench -- --only lighthouse,bundle  some sections (or BENCH_SECTIONS=…)
//   npm run bench -- --list                    the section names
//
// A partial run merges into the existing latest.json, so the file always holds the
// latest figure of every section, each with when it was measured and the load average
// of the machine then (other engineers' test runs share it: read figures with that).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { CHROMIUM_PATH } from './chromium.ts';
import { printFailingAudits, printFigures, printTable, summaryRows } from './report.ts';

type Figures = Record<string, unknown>;

interface Section {
  name: string;
  title: string;
  /** Why it cannot run here, or null. */
  skip?: () => string | null;
  /** Imported on use: one section's broken import must not stop the others. */
  run: () => Promise<Figures>;
}

const noChromium = () => (existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}`);

const SECTIONS: Section[] = [
  { name: 'bundle', title: 'bundle sizes of the production build', run: async () => (await import('./bundle-sizes.ts')).benchBundleSizes() },
  { name: 'lighthouse', title: 'Lighthouse, default mobile config, median of 3 runs', skip: noChromium, run: async () => (await import('./lighthouse.ts')).benchLighthouse() },
  { name: 'client', title: 'device: save latency (strict durability, on disk), home progress, dashboard', skip: noChromium, run: async () => (await import('./client.ts')).benchClient() },
  { name: 'sync', title: 'device: 1 000 queued entries, full sync', skip: noChromium, run: async () => (await import('./sync-client.ts')).benchSyncClient() },
  { name: 'syncVsPouch', title: '10 000 entries: this app’s sync vs PouchDB replication to pouchdb-server', skip: noChromium, run: async () => (await import('./sync-vs-pouch.ts')).benchSyncVsPouch() },
  { name: 'server', title: 'server ingest', run: async () => (await import('./server-ingest.ts')).benchServerIngest() },
  { name: 'serverTallies', title: 'server tallies over 1 000 000 entries', run: async () => ({ ...(await (await import('./server-tallies.ts')).benchServerTallies()) }) },
];

function chosen(): Section[] {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const s of SECTIONS) console.log(`${s.name.padEnd(14)} ${s.title}`);
    process.exit(0);
  }
  const i = args.indexOf('--only');
  const raw = i >= 0 ? args[i + 1] : (args.find((a) => a.startsWith('--only='))?.slice(7) ?? process.env.BENCH_SECTIONS);
  if (!raw) return SECTIONS;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return SECTIONS.filter((s) => names.includes(s.name));
}

const RESULTS = new URL('./results/latest.json', import.meta.url);
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

function previous(): Figures {
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')) as Figures;
  } catch {
    return {};
  }
}

const sections = chosen();
const results: Figures = previous();
const meta = ((results.meta as Figures | undefined) ?? {}) as { sections?: Record<string, unknown> } & Figures;
meta.sections ??= {};
Object.assign(meta, { host: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version } });
results.meta = meta;
console.log(`bench: ${sections.map((s) => s.name).join(', ')} · ${cpus().length} cores · load average ${load().join(' ')}`);

const t0 = performance.now();
for (const s of sections) {
  process.stdout.write(`\n== ${s.name}: ${s.title}\n`);
  const reason = s.skip?.();
  if (reason) {
    console.log(`  skipped: ${reason}`);
    results[s.name] = { skipped: reason };
    continue;
  }
  const loadBefore = load();
  const started = performance.now();
  try {
    const figures = await s.run();
    results[s.name] = figures;
    printFigures(figures);
    if (s.name === 'lighthouse') printFailingAudits(figures);
  } catch (e) {
    results[s.name] = { error: String(e) };
    console.log(`  failed: ${e instanceof Error ? e.stack : e}`);
  }
  const seconds = (performance.now() - started) / 1000;
  meta.sections[s.name] = { at: new Date().toISOString(), seconds: Math.round(seconds), loadAvgBefore: loadBefore, loadAvgAfter: load() };
  console.log(`  (${seconds.toFixed(0)} s, load average before ${loadBefore.join(' ')}, after ${load().join(' ')})`);
}
results.at = new Date().toISOString();

console.log(`\n== summary (${sections.length === SECTIONS.length ? 'this run' : 'this run, and earlier runs for the other sections'})`);
printTable(summaryRows(results));

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(RESULTS, JSON.stringify(results, null, 2));
console.log(`\nwritten to bench/results/latest.json (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
process.exit(0);
