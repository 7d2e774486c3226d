// Waiting until Chromium's processes are idle: after a bench has read back what it filled
// (sync-compare.ts, settleApp and settlePouch), LevelDB compacts the fill's writes on
// Chromium's storage threads for a second or so. Linux only (/proc); elsewhere a fixed
// pause stands in.
import { readFileSync, readdirSync } from 'node:fs';

/** At most this much CPU (ms) in one window counts as idle. */
const IDLE_CPU_MS = 20;
const WINDOW_MS = 500;
/** Idle windows in a row needed. */
const IDLE_WINDOWS = 2;
const MAX_WAIT_MS = 30_000;
const FALLBACK_WAIT_MS = 5_000;
/** Linux reports CPU time in clock ticks of 10 ms (USER_HZ is 100 on mainstream builds). */
const TICK_MS = 10;

function statFields(pid: string): string[] | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The Chromium processes started by this one (directly or not). */
function browserProcesses(): string[] {
  const parentOf = new Map<string, string>();
  for (const pid of readdirSync('/proc')) {
    const f = /^\d+$/.test(pid) ? statFields(pid) : null;
    if (f) parentOf.set(pid, f[1]!);
  }
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  return [...mine].filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom');
    } catch {
      return false;
    }
  });
}

function cpuMs(pids: string[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const f = statFields(pid);
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the browser has been idle for IDLE_WINDOWS windows, with how long that took. */
export async function waitForIdleBrowser(): Promise<{ waitedMs: number; idle: boolean }> {
  const t0 = performance.now();
  let pids: string[];
  try {
    pids = browserProcesses();
  } catch {
    await sleep(FALLBACK_WAIT_MS);
    return { waitedMs: performance.now() - t0, idle: false };
  }
  let idleWindows = 0;
  let before = cpuMs(pids);
  while (performance.now() - t0 < MAX_WAIT_MS) {
    await sleep(WINDOW_MS);
    const now = cpuMs(pids);
    idleWindows = now - before <= IDLE_CPU_MS ? idleWindows + 1 : 0;
    before = now;
    if (idleWindows >= IDLE_WINDOWS) return { waitedMs: performance.now() - t0, idle: true };
  }
  return { waitedMs: performance.now() - t0, idle: false };
}
