// The app's sync engine against the real server's push throttle (server/http/throttle.ts):
// past the burst every push is answered 429 with Retry-After, and the engine waits it out
// and goes on until the whole backlog is in, once.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/http/app.ts';
import { manualClock } from '../../server/clock.ts';
import { FieldLogDb, saveEntry, countQueued } from '../../src/db/index.ts';
import { syncOnce } from '../../src/sync/engine.ts';
import { setDataKey } from '../../src/crypto/keystore.ts';
import { createApi } from '../../src/sync/api.ts';
import type { SessionResponse } from '../../src/domain/sync.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { PASSWORD, T0, setupWorld, trafficEntry } from './support/fixtures.ts';

setDataKey(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));

describeBackends('client sync through the push throttle', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  const clock = manualClock(T0);

  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupWorld(t.db);
    // A burst of 2, then one a second.
    app = await buildApp({ db: t.db, clock, logger: false, pushLimits: { burst: 2, perMinute: 60 } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('waits out each 429 for its Retry-After and delivers the backlog once', async () => {
    const deviceId = crypto.randomUUID();
    const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officerA', password: PASSWORD, deviceId }) });
    const s = (await res.json()) as SessionResponse;
    const db = new FieldLogDb(`throttled-${deviceId}`);
    await db.open();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await saveEntry(db, trafficEntry({ place: `Plats ${i}` }), { officerId: s.user.id, deviceId, now: () => clock() })).id);

    const waits: number[] = [];
    const report = await syncOnce({
      db,
      api: createApi({ baseUrl: base }),
      token: s.token,
      officerId: s.user.id,
      deviceId,
      appVersion: 'test',
      now: () => clock(),
      pushBatch: 5,
      // The server's clock is the test's: waiting is moving it on.
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    });
    // Six pushes: two in the burst, then a 429 (Retry-After: 1) before each of the other four.
    expect(waits).toEqual([1000, 1000, 1000, 1000]);
    expect(report).toMatchObject({ pushed: 30, rejected: 0 });
    expect(await countQueued(db)).toBe(0);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entry_revisions WHERE id::text = ANY($1::text[])', [ids]);
    expect(rows[0]!.n).toBe(30);
  });
});
