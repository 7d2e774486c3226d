// 20 devices, 20 officers, real HTTP on a listening port, all pushing at once:
// exactly 1000 entries and 1000 revisions, every server_seq distinct.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PushRequest, PushResponse } from '../../src/domain/sync.ts';
import { createUser } from '../../server/auth/users.ts';
import { buildApp } from '../../server/http/app.ts';
import { counts, HEARTBEAT } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { FAST_COST, PASSWORD, setupWorld, T0, upsert } from './support/fixtures.ts';
import type { FastifyInstance } from 'fastify';

const DEVICES = 20;
const PER_DEVICE = 50;
const BATCH = 10;

describeBackends('20 devices pushing concurrently over HTTP', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupWorld(t.db);
    for (let i = 0; i < DEVICES; i++) {
      await createUser(t.db, { username: `polis${i}`, displayName: `Polis ${i}`, password: PASSWORD, roles: ['officer'], policeAreaId: 'omr-a', passwordCost: FAST_COST });
    }
    app = await buildApp({ db: t.db, clock: () => T0, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  it('stores exactly 1000 entries and 1000 revisions', async () => {
    const device = async (i: number) => {
      const login = await post('/api/v1/session', { username: `polis${i}`, password: PASSWORD, deviceId: `phone-${i}` });
      expect(login.status).toBe(200);
      const changes = Array.from({ length: PER_DEVICE }, () => upsert());
      const statuses: string[] = [];
      for (let at = 0; at < PER_DEVICE; at += BATCH) {
        const body: PushRequest = { deviceId: `phone-${i}`, heartbeat: HEARTBEAT, changes: changes.slice(at, at + BATCH) };
        const res = await post('/api/v1/sync/push', body, login.body.token);
        expect(res.status).toBe(200);
        statuses.push(...(res.body as PushResponse).results.map((r) => r.status));
      }
      return statuses;
    };
    const all = (await Promise.all(Array.from({ length: DEVICES }, (_, i) => device(i)))).flat();
    expect(all).toHaveLength(DEVICES * PER_DEVICE);
    expect(all.every((s) => s === 'applied')).toBe(true);
    expect(await counts(t.db)).toEqual({ revisions: 1000, entries: 1000 });
    const [seq] = await t.db.query<{ distinct: number; devices: number }>(
      'SELECT count(DISTINCT server_seq)::int AS distinct, count(DISTINCT device_id)::int AS devices FROM entry_revisions',
    );
    expect(seq).toEqual({ distinct: 1000, devices: DEVICES });
  });
});
