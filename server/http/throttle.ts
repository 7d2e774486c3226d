// Token buckets for the write endpoints a device calls in bursts (push, audit reads),
// one bucket per user and endpoint: a stolen token or a broken client cannot fill the
// database faster than the refill rate. Per user rather than per device id, because a
// device id is whatever the client said at login: per-device buckets could be multiplied
// by logging in again under new ids.
//
// Kept in the process's memory, unlike the login limiter (server/auth/rate-limit.ts),
// which must count failures across processes or password guessing could be spread over
// them. Here N processes behind a balancer allow at most N times the rate: still bounded,
// and it costs no database write per push (docs/threat-model.md).
//
// Sized for the app (src/sync/engine.ts): a sync run pushes its outbox back to back in
// batches of PUSH_BATCH (500), so a 10 000-entry backlog is 20 pushes; past the burst the
// app waits out the 429's Retry-After and goes on. A burst of 60 takes 30 000 entries at
// once, and the refill of one per second keeps up with any real officer.
import type { Clock } from '../clock.ts';

export interface ThrottleLimits {
  /** Requests that may come at once. */
  burst: number;
  /** Requests per minute after the burst is spent. */
  perMinute: number;
}

export const DEFAULT_PUSH_LIMITS: ThrottleLimits = { burst: 60, perMinute: 60 };

export type ThrottleGate = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

/** Buckets idle long enough to be full again are dropped when the map grows past this. */
const PRUNE_ABOVE = 50_000;

export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly limits: ThrottleLimits,
    private readonly clock: Clock,
  ) {
    this.perMs = limits.perMinute / 60_000;
  }

  /** Takes one token for `key`, or says how long until one is there. */
  take(key: string): ThrottleGate {
    const now = this.clock();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.limits.burst, b.tokens + Math.max(0, now - b.atMs) * this.perMs) : this.limits.burst;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, atMs: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    if (this.buckets.size > PRUNE_ABOVE) this.prune(now);
    this.buckets.set(key, { tokens: tokens - 1, atMs: now });
    return { ok: true };
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.atMs) * this.perMs >= this.limits.burst) this.buckets.delete(key);
    }
  }
}
