// The app's real sync engine (src/sync on src/db over fake-indexeddb) against the real
// server listening on 127.0.0.1, on both databases, with the network failing in the
// ways phones meet it. Whatever happens: every entry on the server once, nothing lost.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/http/app.ts';
import { manualClock } from '../../server/clock.ts';
import { FieldLogDb, saveEntry, correctEntry, voidEntry, countQueued, listRevisions, getEntry } from '../../src/db/index.ts';
import { nextBatch } from '../../src/db/outbox-push.ts';
import { syncOnce } from '../../src/sync/engine.ts';
import { setDataKey } from '../../src/crypto/keystore.ts';
import { createApi, ApiFailure, NetworkFailure } from '../../src/sync/api.ts';
import type { SessionResponse } from '../../src/domain/sync.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { faultyDb, type FaultPlan } from './support/faults.ts';
import { PASSWORD, T0, setupWorld, trafficEntry, type World } from './support/fixtures.ts';

// The device is unlocked: its db modules seal what they store with the data key in memory.
setDataKey(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));

describeBackends('client sync against the server', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  let world: World;
  const plan: FaultPlan = {};
  const clock = manualClock(T0);

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    app = await buildApp({ db: faultyDb(t.db, plan), clock, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function session(username: string, deviceId: string): Promise<SessionResponse> {
    const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD, deviceId }) });
    expect(res.status).toBe(200);
    return (await res.json()) as SessionResponse;
  }

  async function device(username = 'officerA') {
    const deviceId = crypto.randomUUID();
    const db = new FieldLogDb(`dev-${deviceId}`);
    await db.open();
    const s = await session(username, deviceId);
    const ctx = { officerId: s.user.id, deviceId, now: () => clock() };
    const deps = (fetchImpl: typeof fetch = fetch, timeoutMs = 10_000) => ({
      db,
      api: createApi({ baseUrl: base, fetch: fetchImpl, timeoutMs }),
      token: s.token,
      officerId: s.user.id,
      deviceId,
      appVersion: 'test',
      now: () => clock(),
    });
    return { db, ctx, deps, token: s.token };
  }

  async function serverRevisions(ids: string[]): Promise<Array<{ id: string; rev: number }>> {
    const rows = await t.db.query<{ id: string; rev: number }>(`SELECT id::text AS id, rev FROM entry_revisions WHERE id::text = ANY($1::text[]) ORDER BY id, rev`, [ids]);
    return rows;
  }

  it('delivers 250 entries with corrections and voids once; a rejected one waits, then its correction applies', async () => {
    const d = await device();
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) ids.push((await saveEntry(d.db, trafficEntry({ place: `Plats ${i}` }), d.ctx)).id);
    await correctEntry(d.db, ids[0]!, trafficEntry({ place: 'Rättad' }), d.ctx);
    await voidEntry(d.db, ids[1]!, 'Dubbelregistrerad', d.ctx);
    // The server's guard refuses what a tampered or outdated client let through.
    const bad = await saveEntry(d.db, { ...trafficEntry(), note: 'ABC 123' }, d.ctx);
    const report = await syncOnce(d.deps());
    expect(report).toMatchObject({ pushed: 252, rejected: 1 });
    expect(await countQueued(d.db)).toBe(1);
    expect(await serverRevisions([...ids, bad.id])).toHaveLength(252);
    expect((await syncOnce(d.deps())).pushed).toBe(0);

    await correctEntry(d.db, bad.id, trafficEntry(), d.ctx);
    expect((await syncOnce(d.deps())).pushed).toBe(1);
    expect(await countQueued(d.db)).toBe(0);
    expect(await serverRevisions([bad.id])).toEqual([{ id: bad.id, rev: 2 }]);
    expect((await getEntry(d.db, bad.id))?.serverSeq).toBeGreaterThan(0);
  });

  it('the connection dropped after the server committed: the retry is answered duplicate, never double-counted', async () => {
    const d = await device();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await saveEntry(d.db, trafficEntry(), d.ctx)).id);
    let dropped = false;
    const dropAfterCommit: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!dropped && String(input).includes('/sync/push')) {
        dropped = true;
        await res.arrayBuffer();
        throw new TypeError('network connection lost');
      }
      return res;
    };
    await expect(syncOnce(d.deps(dropAfterCommit))).rejects.toBeInstanceOf(NetworkFailure);
    expect(await countQueued(d.db)).toBe(30);
    expect(await serverRevisions(ids)).toHaveLength(30);
    await syncOnce(d.deps());
    expect(await countQueued(d.db)).toBe(0);
    expect(await serverRevisions(ids)).toHaveLength(30);
  });

  it('a server error in the middle of a batch loses and doubles nothing', async () => {
    const d = await device();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await saveEntry(d.db, trafficEntry(), d.ctx)).id);
    plan.failOnTxQuery = 2;
    try {
      const err = await syncOnce(d.deps()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiFailure);
      expect((err as ApiFailure).status).toBeGreaterThanOrEqual(500);
    } finally {
      delete plan.failOnTxQuery;
    }
    expect(await serverRevisions(ids)).toHaveLength(0);
    expect(await countQueued(d.db)).toBe(40);
    await syncOnce(d.deps());
    expect(await serverRevisions(ids)).toHaveLength(40);
  });

  it('a timeout while the server is slow: the client gives up, the retry lands once', async () => {
    const d = await device();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await saveEntry(d.db, trafficEntry(), d.ctx)).id);
    plan.delayMs = 150;
    try {
      await expect(syncOnce(d.deps(fetch, 100))).rejects.toBeInstanceOf(NetworkFailure);
    } finally {
      delete plan.delayMs;
    }
    expect(await countQueued(d.db)).toBe(10);
    // Let the abandoned request finish on the server before retrying.
    await new Promise((r) => setTimeout(r, 2_500));
    await syncOnce(d.deps());
    expect(await countQueued(d.db)).toBe(0);
    expect(await serverRevisions(ids)).toHaveLength(10);
  });

  it('a session that expired while offline keeps the queue; after a new login it all goes', async () => {
    const d = await device();
    for (let i = 0; i < 5; i++) await saveEntry(d.db, trafficEntry(), d.ctx);
    clock.advance(8 * 86_400_000);
    try {
      const err = await syncOnce(d.deps()).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 401 });
      expect(await countQueued(d.db)).toBe(5);
      expect((await nextBatch(d.db, 10)).every((c) => c.item.state === 'queued')).toBe(true);
      const fresh = await session('officerA', 'same-phone-new-login');
      await syncOnce({ ...d.deps(), token: fresh.token });
      expect(await countQueued(d.db)).toBe(0);
    } finally {
      clock.set(T0);
    }
  });

  it('a second device of the same officer pulls what the first pushed, with every revision', async () => {
    const a = await device();
    const b = await device();
    const saved = await saveEntry(a.db, trafficEntry(), a.ctx);
    await correctEntry(a.db, saved.id, trafficEntry({ place: 'Ny plats' }), a.ctx);
    await syncOnce(a.deps());
    await syncOnce(b.deps());
    expect((await getEntry(b.db, saved.id))?.content.place).toBe('Ny plats');
    expect(await listRevisions(b.db, saved.id)).toHaveLength(2);
    expect(world.officerA.id).toBe(a.ctx.officerId);
  });
});
