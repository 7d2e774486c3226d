// `npm run bench`: prints every speed figure the issues set goals for, and writes them
// to bench/results/latest.json. Figures, never assertions.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { benchClient } from './client.ts';
import { CHROMIUM_PATH } from './chromium.ts';

const results: Record<string, unknown> = { at: new Date().toISOString() };
const goals: Record<string, string> = {
  'client.saveEntry.p95': '< 10 ms',
  'client.homeProgress10k.p95': '< 50 ms',
  'client.dashboardYear.p95': '< 200 ms',
  'client.dashboardPeriod.p95': '< 200 ms',
  'serverTallies.p95Ms': '< 300 ms (GET /api/v1/tallies, 1 000 000 entries in PostgreSQL, one kommun, this year)',
};
/** What a figure is, where its key alone does not say it. */
const labels: Record<string, string> = {
  'client.saveEntry': 'save one entry (10 000 in the database; revision + head + day row + outbox)',
  'client.dashboardYear': 'dashboard from 100 000 entries, Nässjö, one year (computeTallies)',
  'client.dashboardPeriod': 'dashboard from 100 000 entries, Nässjö, whole promise period 2025–2026',
  'client.dashboardData': 'dashboard data (bulk-loaded in 10 000-entry transactions with the app’s day-row helper, not single saves)',
};

function fmt(n: unknown): string {
  return typeof n === 'number' ? n.toFixed(n < 10 ? 2 : 0) : String(n);
}

async function section(name: string, fn: () => Promise<Record<string, unknown>>) {
  process.stdout.write(`\n== ${name}\n`);
  try {
    const r = await fn();
    results[name] = r;
    for (const [k, v] of Object.entries(r)) {
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const line = Object.entries(o).map(([kk, vv]) => `${kk} ${fmt(vv)}`).join(', ');
        const goal = goals[`${name}.${k}.p95`];
        console.log(`  ${labels[`${name}.${k}`] ?? k}: ${line}${goal ? `   (goal p95 ${goal})` : ''}`);
      } else {
        console.log(`  ${k}: ${fmt(v)}${goals[`${name}.${k}`] ? `   (goal ${goals[`${name}.${k}`]})` : ''}`);
      }
    }
  } catch (e) {
    results[name] = { error: String(e) };
    console.log(`  failed: ${e instanceof Error ? e.stack : e}`);
  }
}

if (existsSync(CHROMIUM_PATH)) await section('client', benchClient);
else console.log(`\n== client: skipped, no Chromium at ${CHROMIUM_PATH}`);

if (existsSync(new URL('./server-ingest.ts', import.meta.url))) {
  const mod = (await import('./server-ingest.ts')) as { benchServerIngest: () => Promise<Record<string, unknown>> };
  await section('server', mod.benchServerIngest);
}
if (existsSync(new URL('./sync-client.ts', import.meta.url))) {
  const mod = (await import('./sync-client.ts')) as { benchSyncClient: () => Promise<Record<string, unknown>> };
  await section('sync', mod.benchSyncClient);
}

if (existsSync(new URL('./server-tallies.ts', import.meta.url))) {
  const mod = (await import('./server-tallies.ts')) as { benchServerTallies: () => Promise<Record<string, unknown>> };
  await section('serverTallies', mod.benchServerTallies);
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2));
console.log('\nwritten to bench/results/latest.json');
process.exit(0);
