// Lighthouse (npm, v12, bench/external) driving Debian's Chromium through
// chrome-launcher, default config: mobile form factor, simulated throttling, storage
// reset. Against the built app served by the real server (PGlite, demo data), signed
// in through a prepared profile (lighthouse-profile.ts). Per screen, three runs and
// the median of each figure; the failing audits of any category under 100.
//
// One run of a screen is two Lighthouse steps on the same tab:
//   start:  a navigation to the screen's URL, which is what opening the app is. Since the
//           PIN lock (issue 7) that load ends on the lock screen, so its scores and
//           LCP/TBT/CLS/FCP are those of the app's start up to the lock screen;
//   screen: after entering the PIN as an officer would, a snapshot of the screen itself
//           (accessibility and best practices of the log screen or dashboard; a snapshot
//           has no load metrics).
// Without a lock (an app that shows the screen at once) the start already is the screen.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.ts';
import { buildAppOnce } from './lib/app-build.ts';
import { AppServer } from './lib/app-server.ts';
import { ensureExternal, importExternal } from './lib/external.ts';
import { median } from './lib/stats.ts';
import { prepareProfile, SELECTORS, type SignedInProfile } from './lighthouse-profile.ts';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
/** The flags the brief asks for; chrome-launcher adds its own defaults (no extensions, no default-browser check, …). */
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// ---- the small part of the external APIs used here (they are not type-checked from bench/) ----
interface LhAudit { id: string; title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string; details?: { items?: Array<Record<string, unknown>> } }
interface LhCategory { id: string; title: string; score: number | null; auditRefs: Array<{ id: string; weight: number }> }
interface Lhr {
  lighthouseVersion: string;
  finalDisplayedUrl: string;
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
  environment: { benchmarkIndex: number; hostUserAgent: string };
  configSettings: { formFactor: string; throttlingMethod: string; throttling: Record<string, number>; screenEmulation: Record<string, unknown> };
  categories: Record<string, LhCategory>;
  audits: Record<string, LhAudit>;
}
type Options = { flags?: Record<string, unknown> };
interface LighthouseApi {
  navigation(page: PPage, url: string, options?: Options): Promise<{ lhr: Lhr } | undefined>;
  snapshot(page: PPage, options?: Options): Promise<{ lhr: Lhr } | undefined>;
}
interface PPage {
  $(selector: string): Promise<unknown>;
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  close(): Promise<void>;
}
interface PBrowser { newPage(): Promise<PPage>; disconnect(): Promise<void> }
interface Puppeteer { connect(options: { browserURL: string; defaultViewport: null }): Promise<PBrowser> }
interface LaunchedChrome { port: number; kill(): unknown }
interface ChromeLauncher { launch(options: { chromePath: string; chromeFlags: string[]; userDataDir: string; logLevel?: string }): Promise<LaunchedChrome> }

interface Screen {
  key: string;
  label: string;
  user: string;
  hash: string;
  ready: string;
}

const SCREENS: Screen[] = [
  { key: 'logScreen', label: 'log screen', user: 'polis1', hash: '#/', ready: SELECTORS.logScreen },
  { key: 'dashboard', label: 'dashboard', user: 'gruppchef', hash: '#/uppfoljning', ready: SELECTORS.dashboard },
];
const KOMMUN = 'Nässjö';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = { lcpMs: 'largest-contentful-paint', tbtMs: 'total-blocking-time', cls: 'cumulative-layout-shift', fcpMs: 'first-contentful-paint', speedIndexMs: 'speed-index' } as const;

export interface FailingAudit {
  id: string;
  title: string;
  category: string;
  step: 'start' | 'screen';
  /** In how many of the runs it failed. */
  failedRuns: number;
  score: number | null;
  /** Lighthouse's short finding, e.g. "Est savings of 150 KiB" (of the first run it failed in). */
  displayValue?: string;
}

const pct = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round(s * 100));
const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function scores(lhr: Lhr): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of CATEGORIES) if (lhr.categories[c]) out[camel(c)] = pct(lhr.categories[c].score);
  return out;
}

function metrics(lhr: Lhr): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, id] of Object.entries(METRICS)) {
    const v = lhr.audits[id]?.numericValue;
    if (v !== undefined) out[k] = v;
  }
  // What the start actually downloaded (the server sends it as it is stored: no compression).
  const summary = lhr.audits['resource-summary']?.details?.items ?? [];
  const bytes = (type: string) => Number(summary.find((i) => i.resourceType === type)?.transferSize ?? NaN);
  out.scriptTransferKiB = bytes('script') / 1024;
  out.totalTransferKiB = bytes('total') / 1024;
  return out;
}

/** Audits that cost points in a category scoring under 100 (informative and not-applicable ones cost none). */
function failing(lhr: Lhr, step: 'start' | 'screen'): Array<Omit<FailingAudit, 'failedRuns'>> {
  const out: Array<Omit<FailingAudit, 'failedRuns'>> = [];
  for (const c of Object.values(lhr.categories)) {
    if (c.score === null || c.score >= 1) continue;
    for (const ref of c.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a) continue;
      const counts = ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode) && a.score !== null && a.score < 1;
      if (counts || a.scoreDisplayMode === 'error') out.push({ id: a.id, title: a.title, category: c.id, step, score: a.score, ...(a.displayValue ? { displayValue: a.displayValue } : {}) });
    }
  }
  return out;
}

function medians(list: Array<Record<string, number | null>>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of Object.keys(list[0] ?? {})) {
    const values = list.map((r) => r[k]).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
    out[k] = values.length ? median(values) : null;
  }
  return out;
}

/**
 * Lighthouse's navigation; a run whose trace recording failed (NO_NAVSTART, NO_FCP and the
 * like: a runtime error, not a finding about the page) is tried again, at most twice, so
 * one bad trace does not lose the other screens' figures.
 */
async function navigate(lighthouse: LighthouseApi, page: PPage, url: string): Promise<Lhr> {
  for (let attempt = 1; ; attempt++) {
    const lhr = (await lighthouse.navigation(page, url, { flags: { logLevel: 'error' } }))?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (!lhr.runtimeError) return lhr;
    if (attempt >= 3) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    console.log(`  Lighthouse: ${lhr.runtimeError.code}; trying the run again`);
  }
}

async function auditScreen(server: AppServer, screen: Screen, profile: SignedInProfile) {
  const lighthouse = await importExternal<LighthouseApi>('lighthouse');
  const launcher = await importExternal<ChromeLauncher>('chrome-launcher');
  const puppeteer = (await importExternal<{ default: Puppeteer }>('puppeteer-core')).default;
  const chrome = await launcher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, userDataDir: profile.dir, logLevel: 'silent' });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  const starts: Lhr[] = [];
  const screens: Lhr[] = [];
  let lockedAtStart = false;
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const start = await navigate(lighthouse, page, `${server.url}/${screen.hash}`);
      starts.push(start);
      if (await page.$(SELECTORS.unlockPin)) {
        if (!profile.pin) throw new Error('the app shows its lock screen but no PIN was set');
        lockedAtStart = true;
        await page.type(SELECTORS.unlockPin, profile.pin);
        await page.click(`form:has(${SELECTORS.unlockPin}) button[type=submit]`);
      }
      await page.waitForSelector(screen.ready, { timeout: 60_000 });
      const shot = (await lighthouse.snapshot(page, { flags: { logLevel: 'error' } }))?.lhr;
      if (!shot) throw new Error('Lighthouse snapshot returned no result');
      screens.push(shot);
      await page.close();
      const m = metrics(start);
      console.log(
        `  ${screen.label} run ${run + 1}/${RUNS}: start performance ${pct(start.categories.performance?.score)} (FCP ${Math.round(m.fcpMs ?? NaN)} ms, LCP ${Math.round(m.lcpMs ?? NaN)} ms, TBT ${Math.round(m.tbtMs ?? NaN)} ms), accessibility ${pct(start.categories.accessibility?.score)}; screen accessibility ${pct(shot.categories.accessibility?.score)}`,
      );
    }
  } finally {
    await browser.disconnect();
    await chrome.kill();
  }

  // The same audit failing in several runs is listed once, with how often it failed.
  const tally = new Map<string, FailingAudit>();
  for (const [step, list] of [['start', starts], ['screen', screens]] as const) {
    for (const lhr of list) {
      for (const f of failing(lhr, step)) {
        const key = `${step}:${f.category}:${f.id}`;
        const seen = tally.get(key);
        if (seen) seen.failedRuns++;
        else tally.set(key, { ...f, failedRuns: 1 });
      }
    }
  }
  return {
    url: `${server.url}/${screen.hash}`,
    user: screen.user,
    lockScreenAtStart: lockedAtStart,
    runs: RUNS,
    start: { ...medians(starts.map((l) => ({ ...scores(l), ...metrics(l) }))) },
    screen: medians(screens.map((l) => { const { performance: _p, ...rest } = scores(l); return rest; })),
    failingAudits: [...tally.values()],
    runWarnings: [...new Set(starts.flatMap((l) => l.runWarnings))],
    benchmarkIndex: median(starts.map((l) => l.environment.benchmarkIndex)),
    settings: { formFactor: starts[0]!.configSettings.formFactor, throttlingMethod: starts[0]!.configSettings.throttlingMethod, throttling: starts[0]!.configSettings.throttling },
    lighthouseVersion: starts[0]!.lighthouseVersion,
  };
}

export async function benchLighthouse(): Promise<Record<string, unknown>> {
  ensureExternal();
  const build = buildAppOnce();
  const server = new AppServer({ staticDir: build.dir, demoData: true });
  const out: Record<string, unknown> = { chromium: execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() };
  try {
    await server.start();
    for (const screen of SCREENS) {
      const profile = await prepareProfile(server.url, screen.user, KOMMUN, screen.hash, screen.ready);
      try {
        out[screen.key] = await auditScreen(server, screen, profile);
      } finally {
        rmSync(profile.dir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.dispose();
  }
  return out;
}
