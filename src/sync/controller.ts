// Decides when to sync: on start, when the network returns, when the tab becomes
// visible, on a timer (backing off after failures), after a save, and on "Synka nu".
// Runs never overlap; a trigger during a run schedules one more run after it.
import { backoffDelay, type BackoffPolicy, SYNC_BACKOFF } from './backoff.ts';
import { ApiFailure, NetworkFailure } from './api.ts';
import type { SyncReport } from './engine.ts';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'needs_login';

export interface SyncStatus {
  state: SyncState;
  lastSuccessAt: string | null;
  lastReport: SyncReport | null;
  /** Swedish message of the last failure. */
  lastError: string | null;
  failures: number;
}

export interface ControllerDeps {
  /** One sync run; resolves with a report or throws. Returns null when there is no session to sync with. */
  run: () => Promise<SyncReport | null>;
  now: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** How often to sync while everything goes well. */
  intervalMs?: number;
  backoff?: BackoffPolicy;
  initialLastSuccessAt?: string | null;
}

export class SyncController {
  private status: SyncStatus;
  private listeners = new Set<(s: SyncStatus) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private stopped = false;

  constructor(private deps: ControllerDeps) {
    this.status = { state: 'idle', lastSuccessAt: deps.initialLastSuccessAt ?? null, lastReport: null, lastError: null, failures: 0 };
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  subscribe(fn: (s: SyncStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Ask for a sync now. Resolves when the run (and any run it queued) is over. */
  trigger(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Hook the browser's triggers. Returns a function that unhooks them. */
  attach(win: Pick<Window, 'addEventListener' | 'removeEventListener'>, doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>): () => void {
    const onOnline = () => void this.trigger();
    const onVisible = () => {
      if (doc.visibilityState === 'visible') void this.trigger();
    };
    win.addEventListener('online', onOnline);
    doc.addEventListener('visibilitychange', onVisible);
    void this.trigger();
    return () => {
      win.removeEventListener('online', onOnline);
      doc.removeEventListener('visibilitychange', onVisible);
      this.stop();
    };
  }

  stop(): void {
    this.stopped = true;
    this.clearScheduled();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again && !this.stopped);
    this.schedule();
  }

  private async runOnce(): Promise<void> {
    this.clearScheduled();
    this.set({ state: 'syncing' });
    try {
      const report = await this.deps.run();
      if (report === null) {
        this.set({ state: 'needs_login', lastError: null });
        return;
      }
      this.set({ state: 'idle', lastSuccessAt: new Date(this.deps.now()).toISOString(), lastReport: report, lastError: null, failures: 0 });
    } catch (e) {
      const failures = this.status.failures + 1;
      if (e instanceof ApiFailure && e.status === 401) this.set({ state: 'needs_login', lastError: e.message, failures: 0 });
      // The server's push throttle held the run back longer than the engine waits: not a
      // fault, nothing to show. The queue stays; the next run comes with the backoff.
      else if (e instanceof ApiFailure && e.status === 429) this.set({ state: 'idle', lastError: null, failures });
      else if (e instanceof NetworkFailure) this.set({ state: 'offline', lastError: e.message, failures });
      else this.set({ state: 'error', lastError: e instanceof Error ? e.message : String(e), failures });
    }
  }

  private schedule(): void {
    if (this.stopped || this.status.state === 'needs_login') return;
    const delay = this.status.failures > 0
      ? backoffDelay(this.status.failures, this.deps.backoff ?? SYNC_BACKOFF, this.deps.random)
      : (this.deps.intervalMs ?? 5 * 60_000);
    const setTimer = this.deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = setTimer(() => void this.trigger(), delay);
  }

  private clearScheduled(): void {
    if (this.timer !== null) (this.deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const fn of this.listeners) fn(this.status);
  }
}
