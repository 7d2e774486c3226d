import { describe, expect, it } from 'vitest';
import { SyncController } from '../../../src/sync/controller.ts';
import { backoffDelay } from '../../../src/sync/backoff.ts';
import { ApiFailure, NetworkFailure } from '../../../src/sync/api.ts';

const report = { pushed: 0, rejected: 0, pulled: 0, catalogueChanged: false, completionsChanged: false, deviceRevoked: false };

function harness(run: () => Promise<typeof report | null>) {
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const c = new SyncController({
    run,
    now: () => Date.parse('2025-05-01T10:00:00Z'),
    random: () => 0.5,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    intervalMs: 60_000,
  });
  return { c, timers };
}

describe('backoff', () => {
  it('grows exponentially with jitter and is capped', () => {
    expect(backoffDelay(1, { baseMs: 1000, capMs: 10_000 }, () => 0)).toBe(500);
    expect(backoffDelay(1, { baseMs: 1000, capMs: 10_000 }, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(3, { baseMs: 1000, capMs: 10_000 }, () => 0.5)).toBe(3000);
    expect(backoffDelay(20, { baseMs: 1000, capMs: 10_000 }, () => 0.999)).toBeLessThanOrEqual(10_000);
    expect(backoffDelay(20, { baseMs: 1000, capMs: 10_000 }, () => 0)).toBe(5000);
  });
});

describe('sync controller', () => {
  it('never runs two syncs at once, and runs once more if asked during a run', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const { c } = harness(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return report;
    });
    await Promise.all([c.trigger(), c.trigger(), c.trigger()]);
    expect(maxRunning).toBe(1);
    expect(runs).toBe(2);
    expect(c.getStatus().state).toBe('idle');
    expect(c.getStatus().lastSuccessAt).toBe('2025-05-01T10:00:00.000Z');
  });

  it('backs off after network failures and resets after success', async () => {
    let fail = true;
    const { c, timers } = harness(async () => {
      if (fail) throw new NetworkFailure();
      return report;
    });
    await c.trigger();
    expect(c.getStatus().state).toBe('offline');
    await c.trigger();
    expect(c.getStatus().failures).toBe(2);
    expect(timers.at(-1)!.ms).toBe(backoffDelay(2, undefined, () => 0.5));
    fail = false;
    await c.trigger();
    expect(c.getStatus()).toMatchObject({ state: 'idle', failures: 0 });
    expect(timers.at(-1)!.ms).toBe(60_000);
  });

  it('asks for a login on 401 and stops the timer until then', async () => {
    const { c, timers } = harness(async () => {
      throw new ApiFailure(401, 'session_expired', 'Sessionen har gått ut.');
    });
    await c.trigger();
    expect(c.getStatus().state).toBe('needs_login');
    expect(timers).toHaveLength(0);
  });

  it('takes a push throttled past the engine’s patience (429) quietly: no error shown, a retry with backoff', async () => {
    const { c, timers } = harness(async () => {
      throw new ApiFailure(429, 'rate_limited', 'För många förfrågningar på kort tid. Försök igen om 60 s.', { retryAfterSeconds: 60 });
    });
    await c.trigger();
    expect(c.getStatus()).toMatchObject({ state: 'idle', lastError: null, failures: 1 });
    expect(timers.at(-1)!.ms).toBe(backoffDelay(1, undefined, () => 0.5));
  });

  it('reports needs_login when there is no session', async () => {
    const { c } = harness(async () => null);
    await c.trigger();
    expect(c.getStatus().state).toBe('needs_login');
  });
});
