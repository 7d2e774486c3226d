// The per-user throttle of pushes and audit read reports (server/http/throttle.ts): a
// device's whole backlog goes through, a flood is answered 429 with Retry-After, and
// time refills the bucket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../server/clock.ts';
import { DEFAULT_PUSH_LIMITS, Throttle } from '../../server/http/throttle.ts';
import { PUSH_BATCH } from '../../src/sync/engine.ts';
import { counts, testApp, type Api, type Clock } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupWorld, upsert } from './support/fixtures.ts';

describe('Throttle', () => {
  it('allows a burst, then one per refill interval, per key', () => {
    const clock = manualClock(0);
    const throttle = new Throttle({ burst: 3, perMinute: 6 }, clock);
    expect([1, 2, 3].map(() => throttle.take('a').ok)).toEqual([true, true, true]);
    expect(throttle.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(throttle.take('b').ok).toBe(true);
    clock.advance(9_000);
    expect(throttle.take('a').ok).toBe(false);
    clock.advance(1_000);
    expect(throttle.take('a').ok).toBe(true);
    expect(throttle.take('a').ok).toBe(false);
    // A long pause refills up to the burst, never beyond.
    clock.advance(3_600_000);
    expect([1, 2, 3, 4].map(() => throttle.take('a').ok)).toEqual([true, true, true, false]);
  });
});

describeBackends('push throttle', (backend) => {
  let t: TestDb;
  let api: Api;
  let clock: Clock;
  const tok = {} as Record<'officerA' | 'leadA', string>;
  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupWorld(t.db);
    ({ api, clock } = await testApp(t.db));
    for (const key of ['officerA', 'leadA'] as const) tok[key] = await api.token(key);
  });
  afterAll(() => t.close());

  it('a 2 000-entry backlog in the app’s batches goes through at once', async () => {
    const before = await counts(t.db);
    for (let i = 0; i < 2000 / PUSH_BATCH; i++) {
      const results = await api.pushOk(tok.officerA, Array.from({ length: PUSH_BATCH }, () => upsert()), 'phone-a');
      expect(results.every((r) => r.status === 'applied')).toBe(true);
    }
    expect((await counts(t.db)).entries).toBe(before.entries + 2000);
  });

  it('past the burst: 429 JSON with Retry-After; other users unaffected; time refills', async () => {
    const burst = DEFAULT_PUSH_LIMITS.burst;
    // 2 000 / PUSH_BATCH of the burst went on the backlog above (the manual clock has not moved).
    for (let i = 2000 / PUSH_BATCH; i < burst; i++) expect((await api.push(tok.officerA, [], 'phone-a')).statusCode).toBe(200);
    const refused = await api.push(tok.officerA, [upsert()], 'phone-a');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toEqual({ error: { code: 'rate_limited', message: 'För många förfrågningar på kort tid. Försök igen om 1 s.', details: { retryAfterSeconds: 1 } } });
    // A new login (a new device id) does not buy a new bucket.
    const again = await api.token('officerA', 'another-phone');
    expect((await api.push(again, [], 'another-phone')).statusCode).toBe(429);
    expect((await api.push(tok.leadA, [upsert()], 'phone-lead')).statusCode).toBe(200);
    // Read reports have their own bucket.
    expect((await api.request('POST', '/api/v1/audit/reads', tok.officerA, { events: [] })).statusCode).toBe(200);
    clock.advance(1_000);
    expect((await api.push(tok.officerA, [], 'phone-a')).statusCode).toBe(200);
    expect((await api.push(tok.officerA, [], 'phone-a')).statusCode).toBe(429);
  });

  it('audit read reports are throttled the same way', async () => {
    let status = 200;
    let sent = 0;
    while (status === 200 && sent <= DEFAULT_PUSH_LIMITS.burst + 1) {
      status = (await api.request('POST', '/api/v1/audit/reads', tok.leadA, { events: [] })).statusCode;
      sent++;
    }
    expect(status).toBe(429);
    expect(sent).toBe(DEFAULT_PUSH_LIMITS.burst + 1);
  });
});
