// Push bodies sized by bytes (src/sync/pack.ts): the server refuses a body over its limit,
// so a batch of the most a change can weigh must still fit.
import { describe, expect, it } from 'vitest';
import { fitsInBody, utf8Length, PUSH_BODY_BUDGET } from '../../../src/sync/pack.ts';
import { PUSH_BATCH } from '../../../src/sync/engine.ts';
import { LIMITS } from '../../../src/domain/limits.ts';
import { PUSH_BODY_LIMIT, type PushChange, type PushRequest } from '../../../src/domain/sync.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

const change = (over: Parameters<typeof trafficCheck>[0] = {}, voidReason: string | null = null): PushChange => ({
  id: crypto.randomUUID(),
  rev: 1,
  op: voidReason ? 'void' : 'upsert',
  entry: trafficCheck(over),
  voidReason,
  clientTime: '2025-03-01T08:00:00.000Z',
});

/** The heaviest change the domain allows: every text at its longest, in characters JSON writes as \u0001 (6 bytes). */
const heaviest = () => change({ place: '\u0001'.repeat(LIMITS.placeMax), note: '\u0001'.repeat(LIMITS.noteMax), kommunId: '\u0001'.repeat(LIMITS.idMax) }, '\u0001'.repeat(LIMITS.voidReasonMax));

const bodyBytes = (changes: PushChange[]) => {
  const body: PushRequest = { deviceId: 'd'.repeat(64), heartbeat: { appVersion: 'v'.repeat(64), queuedCount: 10_000_000, oldestQueuedAt: '2025-03-01T08:00:00.000Z' }, changes };
  return utf8Length(JSON.stringify(body));
};

describe('utf8Length', () => {
  it('agrees with TextEncoder', () => {
    for (const s of ['', 'Rv 31 norr', 'Nässjö', 'ÅÄÖ åäö', '東京', '👮‍♀️ 🚓', JSON.stringify('\u0001\n"\\'), 'a\u07ffb\u0800c\uffff']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe('fitsInBody', () => {
  it('takes a whole batch of ordinary entries', () => {
    const batch = Array.from({ length: PUSH_BATCH }, () => change({ note: 'Samverkan med kommunens trygghetsvärdar' }));
    expect(fitsInBody(batch)).toBe(PUSH_BATCH);
  });

  it('cuts a batch of the heaviest changes so that the body stays under the server’s limit', () => {
    const batch = Array.from({ length: PUSH_BATCH }, heaviest);
    const n = fitsInBody(batch);
    expect(n).toBeLessThan(PUSH_BATCH);
    expect(bodyBytes(batch.slice(0, n))).toBeLessThanOrEqual(PUSH_BODY_LIMIT);
    // And no further: one more would not have fitted the budget.
    expect(utf8Length(JSON.stringify(batch.slice(0, n + 1)))).toBeGreaterThan(PUSH_BODY_BUDGET);
  });

  it('always takes at least one change', () => {
    expect(fitsInBody([heaviest()], 10)).toBe(1);
    expect(fitsInBody([], 10)).toBe(0);
  });
});
