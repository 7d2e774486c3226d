// The bench's printed report: each section's figures as it finishes, then one table of
// the figures the issues set goals for, with pass/miss. A missed goal is reported, never
// an exit code: the bench measures, the tests assert.

type Json = Record<string, unknown>;

export interface Row {
  section: string;
  figure: string;
  value: string;
  goal: string;
  /** true pass, false miss, null no goal or no figure. */
  ok: boolean | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && !Number.isNaN(v) ? v : null);
const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Json)[k] : undefined), o);

export function fmt(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 2 : 0);
  if (Array.isArray(v)) return `[${v.length}]`;
  if (v && typeof v === 'object') return '{…}';
  return String(v);
}

/** A figure with a goal `value <op> limit`; the unit is only for printing. */
function goal(section: string, figure: string, v: unknown, op: '<' | '<=' | '>=' | '=', limit: number, unit = ''): Row {
  const n = num(v);
  const ok = n === null ? null : op === '<' ? n < limit : op === '<=' ? n <= limit : op === '>=' ? n >= limit : n === limit;
  return { section, figure, value: n === null ? String(v ?? '–') : `${fmt(n)}${unit}`, goal: `${op === '=' ? '' : op.replace('<=', '≤').replace('>=', '≥')} ${limit}${unit}`.trim(), ok };
}

function info(section: string, figure: string, v: unknown, unit = ''): Row {
  const n = num(v);
  return { section, figure, value: n === null ? String(v ?? '–') : `${fmt(n)}${unit}`, goal: '', ok: null };
}

export function summaryRows(results: Json): Row[] {
  const rows: Row[] = [];
  const b = results.bundle;
  if (b && !at(b, 'error')) {
    rows.push(goal('bundle', 'log screen initial JS (gzip -9)', at(b, 'logScreenInitialJs.gzipKiB'), '<=', 60, ' KiB'));
    rows.push(info('bundle', '  of it before the lock screen (gzip -9)', at(b, 'beforeLockScreenGzipKiB'), ' KiB'));
    rows.push(info('bundle', 'lazy JS, all chunks (gzip -9)', at(b, 'lazyJsTotal.gzipKiB'), ' KiB'));
    rows.push(info('bundle', 'service worker sw.js (gzip -9)', at(b, 'serviceWorker.gzipKiB'), ' KiB'));
  }
  const lh = results.lighthouse;
  for (const screen of ['logScreen', 'dashboard']) {
    const s = at(lh, screen);
    if (!s) continue;
    const name = screen === 'logScreen' ? 'log screen' : 'dashboard';
    const start = at(s, 'lockScreenAtStart') ? `${name} start (lock screen)` : name;
    rows.push(goal('lighthouse', `${start}: performance`, at(s, 'start.performance'), '>=', 98));
    rows.push(goal('lighthouse', `${start}: accessibility`, at(s, 'start.accessibility'), '=', 100));
    rows.push(goal('lighthouse', `${start}: best practices`, at(s, 'start.bestPractices'), '=', 100));
    rows.push(goal('lighthouse', `${start}: LCP`, at(s, 'start.lcpMs'), '<=', 1200, ' ms'));
    rows.push(goal('lighthouse', `${start}: TBT`, at(s, 'start.tbtMs'), '<=', 50, ' ms'));
    rows.push(info('lighthouse', `${start}: CLS`, at(s, 'start.cls')));
    rows.push(info('lighthouse', `${start}: FCP`, at(s, 'start.fcpMs'), ' ms'));
    if (at(s, 'lockScreenAtStart')) {
      rows.push(goal('lighthouse', `${name} after unlock: accessibility`, at(s, 'screen.accessibility'), '=', 100));
      rows.push(goal('lighthouse', `${name} after unlock: best practices`, at(s, 'screen.bestPractices'), '=', 100));
    }
  }
  const c = results.client;
  if (c && !at(c, 'error')) {
    rows.push(info('client', 'save one entry, p50 (strict durability, on disk)', at(c, 'saveEntry.median'), ' ms'));
    rows.push(goal('client', 'save one entry, p95 (strict durability, on disk)', at(c, 'saveEntry.p95'), '<', 10, ' ms'));
    rows.push(goal('client', 'home progress over 10 000, p95', at(c, 'homeProgress10k.p95'), '<', 50, ' ms'));
    rows.push(goal('client', 'dashboard one year of 100 000, p95', at(c, 'dashboardYear.p95'), '<', 200, ' ms'));
    rows.push(goal('client', 'dashboard whole period, p95', at(c, 'dashboardPeriod.p95'), '<', 200, ' ms'));
  }
  if (results.sync && !at(results.sync, 'error')) rows.push(goal('sync', '1 000 queued entries, full sync', at(results.sync, 'sync1000.syncMs'), '<', 2000, ' ms'));
  const sp = results.syncVsPouch;
  if (sp && !at(sp, 'error')) {
    // Middle rounds and the median of the rounds' ratios (sync-vs-pouch.ts, SYNC_ROUNDS).
    const of = ` (${String(at(sp, 'rounds') ?? 1)} rounds)`;
    rows.push(info('syncVsPouch', `app → server (PGlite), all acknowledged, middle${of}`, at(sp, 'appPglite.pushMs'), ' ms'));
    rows.push(info('syncVsPouch', `app → server (PostgreSQL), all acknowledged, middle${of}`, at(sp, 'appPostgres.pushMs'), ' ms'));
    rows.push(info('syncVsPouch', `PouchDB → pouchdb-server, replicate, middle${of}`, at(sp, 'pouchdb.replicateMs'), ' ms'));
    rows.push(goal('syncVsPouch', `PouchDB time / app time (PGlite), median${of}`, at(sp, 'ratioPglite'), '>=', 5, '×'));
    if (num(at(sp, 'ratioPostgres')) !== null) rows.push(goal('syncVsPouch', `PouchDB time / app time (PostgreSQL), median${of}`, at(sp, 'ratioPostgres'), '>=', 5, '×'));
  }
  const sv = results.server;
  if (sv && !at(sv, 'error')) {
    rows.push(goal('server', 'ingest PGlite', (sv as Json)['pglite.entriesPerSec'], '>=', 5000, '/s'));
    if ((sv as Json)['postgres.entriesPerSec'] !== undefined) rows.push(goal('server', 'ingest PostgreSQL', (sv as Json)['postgres.entriesPerSec'], '>=', 20000, '/s'));
  }
  const st = results.serverTallies;
  if (st && !at(st, 'error')) rows.push(goal('serverTallies', 'GET /tallies, 1 000 000 entries, p95', at(st, 'p95Ms'), '<', 300, ' ms'));
  return rows;
}

export function printTable(rows: Row[]): void {
  const verdict = (r: Row) => (r.ok === null ? '' : r.ok ? 'pass' : 'MISS');
  const head = ['section', 'figure', 'value', 'goal', ''];
  const cells = rows.map((r) => [r.section, r.figure, r.value, r.goal, verdict(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

/**
 * A section's own figures, as it finishes: the scalars of an object on one line, each
 * nested object on its own line below it. Lists stay in the JSON (the failing audits
 * are printed on their own).
 */
export function printFigures(r: Json, indent = '  '): void {
  for (const [k, v] of Object.entries(r)) {
    if (Array.isArray(v)) continue;
    if (!v || typeof v !== 'object') {
      console.log(`${indent}${k}: ${fmt(v)}`);
      continue;
    }
    const flat = Object.entries(v as Json).filter(([, x]) => typeof x !== 'object' || x === null);
    console.log(`${indent}${k}:${flat.length ? ' ' : ''}${flat.map(([kk, x]) => `${kk} ${fmt(x)}`).join(', ')}`);
    const nested = Object.fromEntries(Object.entries(v as Json).filter(([, x]) => x && typeof x === 'object' && !Array.isArray(x)));
    if (Object.keys(nested).length) printFigures(nested, `${indent}  `);
  }
}

/** Lighthouse's failing audits, the list the team works from. */
export function printFailingAudits(lh: Json): void {
  for (const screen of ['logScreen', 'dashboard']) {
    const list = at(lh, `${screen}.failingAudits`) as Array<{ id: string; title: string; category: string; step: string; failedRuns: number; displayValue?: string }> | undefined;
    if (!list) continue;
    const runs = num(at(lh, `${screen}.runs`)) ?? 0;
    console.log(`  failing audits, ${screen} (categories under 100):${list.length ? '' : ' none'}`);
    for (const a of list) console.log(`    [${a.step} · ${a.category}] ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}${a.failedRuns < runs ? ` — in ${a.failedRuns}/${runs} runs` : ''}`);
  }
}
