// A revoked device delivers its queue before it wipes itself, against a scripted server
// that answers pushes with deviceRevoked: true and everything else with 403 device_revoked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { get, set } from 'idb-keyval';
import { FieldLogDb, countQueued, saveEntry, voidEntry } from '../../../src/db/index.ts';
import { ApiFailure, NetworkFailure, type Api } from '../../../src/sync/api.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { markRevoked, revokedAt, wipeIfDelivered, wipedAt } from '../../../src/sync/revoke.ts';
import type { PushRequest, PushResult } from '../../../src/domain/sync.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

const NOW = Date.parse('2025-05-01T10:00:00Z');
const ctx = { officerId: 'o1', deviceId: 'd1', now: () => NOW };
let db: FieldLogDb;

beforeEach(async () => {
  db = new FieldLogDb(`revoke-${crypto.randomUUID()}`);
  await db.open();
  await set('session', { user: { id: 'o1' }, token: 't', expiresAt: null });
  await set('settings', { kommunId: 'nassjo', theme: 'system' });
});

const exists = (name: string) => Dexie.exists(name);

/** The server of a revoked device: pushes answered (per `answer`) with deviceRevoked, every other call 403. */
function revokedServer(answer: (id: string) => PushResult['status'] | 'network' = () => 'applied') {
  const pushed: string[] = [];
  const others: string[] = [];
  const api = (async (method: string, path: string, opts: { body?: unknown } = {}) => {
    if (path === '/sync/push') {
      const body = opts.body as PushRequest;
      if (body.changes.some((c) => answer(c.id) === 'network')) throw new NetworkFailure();
      const results = body.changes.map((c): PushResult => {
        const status = answer(c.id) as PushResult['status'];
        if (status === 'applied') pushed.push(c.id);
        return status === 'rejected' ? { id: c.id, rev: c.rev, status, errors: [{ field: 'place', code: 'x', message: 'Ogiltig plats.' }] } : { id: c.id, rev: c.rev, status, serverSeq: pushed.length };
      });
      return { status: 200, data: { results, deviceRevoked: true }, etag: null };
    }
    others.push(`${method} ${path}`);
    throw new ApiFailure(403, 'device_revoked', 'Enheten är spärrad.');
  }) as Api;
  return { api, pushed, others };
}

const deps = (api: Api) => ({ db, api, token: 't', officerId: 'o1', deviceId: 'd1', appVersion: 'test', now: ctx.now });

describe('a revoked device', () => {
  it('pushes every queued entry first, then wipes the database, session and settings', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await saveEntry(db, trafficCheck({ place: `Plats ${i}` }), ctx)).id);
    const server = revokedServer();
    const report = await syncOnce(deps(server.api));
    expect(report.deviceRevoked).toBe(true);
    expect(server.pushed.sort()).toEqual([...ids].sort());
    // A revoked device asks for nothing else (no pull, no catalogue).
    expect(server.others).toEqual([]);
    expect(await countQueued(db)).toBe(0);
    // Answered and not folded yet (a revoked device's run is not followed by a fold):
    // still in the store, but nothing waits.
    expect(await db.outbox.count()).toBe(3);

    await markRevoked(db, NOW);
    expect(await wipeIfDelivered(db, NOW)).toEqual({ wiped: true });
    expect(await exists(db.name)).toBe(false);
    expect(await get('session')).toBeUndefined();
    expect(await get('settings')).toBeUndefined();
    expect(await wipedAt()).toBe('2025-05-01T10:00:00.000Z');
  });

  it('wipes nothing while something is queued, and wipes once the network lets it through', async () => {
    const saved = await saveEntry(db, trafficCheck(), ctx);
    await markRevoked(db, NOW);
    // The push never gets through: the entry stays queued, so the device stays whole.
    await expect(syncOnce(deps(revokedServer(() => 'network').api))).rejects.toBeInstanceOf(NetworkFailure);
    expect(await wipeIfDelivered(db, NOW)).toEqual({ wiped: false, waiting: 1, rejected: 0 });
    expect(await exists(db.name)).toBe(true);
    expect(await countQueued(db)).toBe(1);
    expect(await get('session')).toBeDefined();
    expect(await revokedAt(db)).toBe('2025-05-01T10:00:00.000Z');

    // Back in coverage: delivered, then wiped.
    const server = revokedServer();
    expect((await syncOnce(deps(server.api))).deviceRevoked).toBe(true);
    expect(server.pushed).toEqual([saved.id]);
    expect(await wipeIfDelivered(db, NOW)).toEqual({ wiped: true });
    expect(await exists(db.name)).toBe(false);
  });

  it('never drops a rejected entry to wipe: it waits until the officer corrects or withdraws it', async () => {
    const bad = await saveEntry(db, trafficCheck({ place: 'Fel' }), ctx);
    const good = await saveEntry(db, trafficCheck(), ctx);
    const server = revokedServer((id) => (id === bad.id ? 'rejected' : 'applied'));
    expect((await syncOnce(deps(server.api))).deviceRevoked).toBe(true);
    expect(server.pushed).toEqual([good.id]);
    expect(await wipeIfDelivered(db, NOW)).toEqual({ wiped: false, waiting: 0, rejected: 1 });
    expect(await exists(db.name)).toBe(true);

    // The officer gives it up explicitly: a withdrawal of an entry the server never accepted stays local.
    await voidEntry(db, bad.id, 'Felregistrerad', ctx);
    expect(await wipeIfDelivered(db, NOW)).toEqual({ wiped: true });
  });

  it('learns of the revoke from a 403 device_revoked when nothing was queued', async () => {
    const server = revokedServer();
    const report = await syncOnce(deps(server.api));
    expect(report.deviceRevoked).toBe(true);
    expect(server.others).toEqual(['POST /devices/heartbeat']);
    expect(await wipeIfDelivered(db, NOW)).toEqual({ wiped: true });
  });

  it('keeps the app\'s database usable when the final check cannot open', async () => {
    const open = vi.spyOn(FieldLogDb.prototype, 'open').mockRejectedValueOnce(new Error('disk busy'));
    await expect(wipeIfDelivered(db, NOW)).rejects.toThrow('disk busy');
    open.mockRestore();
    expect(await exists(db.name)).toBe(true);
    await saveEntry(db, trafficCheck(), ctx);
    expect(await countQueued(db)).toBe(1);
  });
});
