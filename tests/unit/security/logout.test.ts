// Logout never discards queued work without the officer's explicit word; with it, or
// with nothing queued, it ends the server session (when it can) and wipes the device.
import { beforeEach, describe, expect, it } from 'vitest';
import { clear, entries as keyvalEntries, set } from 'idb-keyval';
import { FieldLogDb, countQueued, saveEntry } from '../../../src/db/index.ts';
import { isUnlocked } from '../../../src/crypto/keystore.ts';
import { logout } from '../../../src/security/logout.ts';
import { saveSession } from '../../../src/sync/session.ts';
import { NetworkFailure, type Api } from '../../../src/sync/api.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

const NOW = Date.parse('2025-05-01T10:00:00Z');
const ctx = { officerId: 'o1', deviceId: 'd1', now: () => NOW };
const user = { id: 'o1', username: 'polis1', displayName: 'Polis Ett', roles: ['officer' as const], policeAreaId: 'hoglandet', kommunIds: ['nassjo'] };
let db: FieldLogDb;

beforeEach(async () => {
  db = new FieldLogDb(`logout-${crypto.randomUUID()}`);
  await db.open();
  await clear();
  await set('deviceId', 'device-1');
  await saveSession({ user, token: 'tok-abcdefghijklmnopqrstuvwxyz', expiresAt: null });
});

function server(offline = false) {
  const calls: string[] = [];
  const api = (async (method: string, path: string, opts: { token?: string } = {}) => {
    if (offline) throw new NetworkFailure();
    calls.push(`${method} ${path} ${opts.token}`);
    return { status: 204, data: null, etag: null };
  }) as Api;
  return { api, calls };
}

describe('logout', () => {
  it('refuses while an entry is queued (after trying to sync), and keeps everything', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    const s = server();
    let synced = 0;
    const r = await logout({ db, api: s.api, now: () => NOW, syncNow: async () => void synced++ }, false);
    expect(r).toEqual({ kind: 'refused', waiting: 1 });
    expect(synced).toBe(1);
    expect(s.calls).toEqual([]);
    expect(await countQueued(db)).toBe(1);
    expect(isUnlocked()).toBe(true);
  });

  it('with the confirmation: ends the server session and wipes all but the device id', async () => {
    await saveEntry(db, trafficCheck(), ctx);
    const s = server();
    const r = await logout({ db, api: s.api, now: () => NOW }, true);
    expect(r).toEqual({ kind: 'done', server: 'ended' });
    expect(s.calls).toEqual(['DELETE /session tok-abcdefghijklmnopqrstuvwxyz']);
    expect(await countQueued(db)).toBe(0);
    expect((await keyvalEntries()).map(([k]) => k)).toEqual(['deviceId']);
    expect(isUnlocked()).toBe(false);
  });

  it('with nothing queued: no confirmation needed', async () => {
    const r = await logout({ db, api: server().api, now: () => NOW }, false);
    expect(r).toEqual({ kind: 'done', server: 'ended' });
    expect((await keyvalEntries()).map(([k]) => k)).toEqual(['deviceId']);
  });

  it('offline with nothing queued: wipes the device; the server session expires by itself', async () => {
    const r = await logout({ db, api: server(true).api, now: () => NOW }, false);
    expect(r).toEqual({ kind: 'done', server: 'notReached' });
    expect(await db.revisions.count()).toBe(0);
  });

  it('a sync that delivers the queue lets the logout go ahead', async () => {
    const e = await saveEntry(db, trafficCheck(), ctx);
    const r = await logout({ db, api: server().api, now: () => NOW, syncNow: async () => void (await db.outbox.where('id').equals(e.id).delete()) }, false);
    expect(r.kind).toBe('done');
  });
});
