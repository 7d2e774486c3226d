// The wrong-PIN rules, on the real keyring, database and wipe: counted on disk, reset by
// the right PIN, five in a row wipe a device with nothing waiting and lock hard a device
// with queued work, which an online login (recovery) and a new PIN open again.
import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { clear, entries as keyvalEntries, get, set } from 'idb-keyval';
import { FieldLogDb, countQueued, getEntry, saveEntry } from '../../../src/db/index.ts';
import { nextBatch } from '../../../src/db/outbox-push.ts';
import { dropDataKey, isUnlocked } from '../../../src/crypto/keystore.ts';
import { createKeyring } from '../../../src/security/keyring.ts';
import { loadPinAttempts, MAX_PIN_ATTEMPTS, pinWipedAt, unlockWithPin } from '../../../src/security/unlock.ts';
import { planLogin } from '../../../src/security/login-plan.ts';
import { setPinAfterRecovery } from '../../../src/security/pin-setup.ts';
import { toBase64Url } from '../../../src/crypto/wrap.ts';
import type { Api } from '../../../src/sync/api.ts';
import { ApiFailure } from '../../../src/sync/api.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

const PIN = '482915';
const NOW = Date.parse('2025-05-01T10:00:00Z');
const ctx = { officerId: 'o1', deviceId: 'd1', now: () => NOW };
const user = { id: 'o1', username: 'polis1', displayName: 'Polis Ett', roles: ['officer' as const], policeAreaId: 'hoglandet', kommunIds: ['nassjo'] };
let db: FieldLogDb;
let recovery: Uint8Array;

beforeEach(async () => {
  db = new FieldLogDb(`pin-${crypto.randomUUID()}`);
  await db.open();
  // idb-keyval's store outlives a test (one fake IndexedDB per file): start each test empty.
  await clear();
  await set('deviceId', 'device-1');
  await set('session', { user, sealedToken: null, expiresAt: null });
  // Fixed, low iterations: the PBKDF2 count is tested in crypto.test.ts; these tests are about the rules.
  ({ recovery } = await createKeyring('o1', PIN, { iterations: 1_000 }));
  dropDataKey();
});

const wrong = (n: number) => `9${String(n).padStart(5, '0')}`;

describe('wrong PINs', () => {
  it('4 wrong, then the right one: unlocked, and the count starts again', async () => {
    const left: number[] = [];
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) {
      const r = await unlockWithPin(db, wrong(i), NOW);
      expect(r.kind).toBe('wrong');
      if (r.kind === 'wrong') left.push(r.remaining);
      expect(isUnlocked()).toBe(false);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    // Counted on disk: a reload (which only forgets memory) does not reset it.
    expect((await loadPinAttempts()).failures).toBe(4);
    expect(await unlockWithPin(db, PIN, NOW)).toEqual({ kind: 'unlocked' });
    expect(isUnlocked()).toBe(true);
    expect(await loadPinAttempts()).toEqual({ failures: 0, hardLockedAt: null });
    // So four more wrong ones do not wipe.
    dropDataKey();
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) expect((await unlockWithPin(db, wrong(i), NOW)).kind).toBe('wrong');
    expect(await Dexie.exists(db.name)).toBe(true);
  });

  it('5 wrong with nothing queued: the data is wiped, the device id kept, and it says why', async () => {
    await set('settings', { kommunId: 'nassjo', theme: 'system' });
    let last;
    for (let i = 1; i <= MAX_PIN_ATTEMPTS; i++) last = await unlockWithPin(db, wrong(i), NOW);
    expect(last).toEqual({ kind: 'wiped' });
    expect(isUnlocked()).toBe(false);
    expect((await keyvalEntries()).map(([k]) => k).sort()).toEqual(['deviceId', 'pinWipedAt']);
    expect(await pinWipedAt()).toBe(new Date(NOW).toISOString());
    // The app's database is empty (opened again for the login that follows).
    expect(await db.revisions.count()).toBe(0);
    expect(await get('keyring')).toBeUndefined();
  });

  it('5 wrong with a queued entry: hard lock, nothing wiped, and the right PIN no longer unlocks', async () => {
    await unlockWithPin(db, PIN, NOW);
    await saveEntry(db, trafficCheck({ place: 'Väntar-KANARIE' }), ctx);
    dropDataKey();
    let last;
    for (let i = 1; i <= MAX_PIN_ATTEMPTS; i++) last = await unlockWithPin(db, wrong(i), NOW);
    expect(last).toEqual({ kind: 'hardLocked', waiting: 1 });
    expect(await countQueued(db)).toBe(1);
    expect(await get('keyring')).toBeDefined();
    expect(await pinWipedAt()).toBeNull();
    expect(await unlockWithPin(db, PIN, NOW)).toEqual({ kind: 'hardLocked', waiting: 1 });
    expect(isUnlocked()).toBe(false);
  });

  it('a rejected entry counts as waiting too', async () => {
    await unlockWithPin(db, PIN, NOW);
    const e = await saveEntry(db, trafficCheck(), ctx);
    await db.outbox.where('id').equals(e.id).modify({ state: 'rejected' });
    dropDataKey();
    let last;
    for (let i = 1; i <= MAX_PIN_ATTEMPTS; i++) last = await unlockWithPin(db, wrong(i), NOW);
    expect(last).toMatchObject({ kind: 'hardLocked' });
  });
});

describe('recovery after a hard lock', () => {
  const serverWith = (r: Uint8Array | null): Api =>
    (async (method: string, path: string) => {
      if (method === 'GET' && path === '/devices/self/recovery-key') {
        if (!r) throw new ApiFailure(404, 'not_found', 'Ingen nyckel.');
        return { status: 200, data: { recoveryKey: toBase64Url(r) }, etag: null };
      }
      throw new Error(`unexpected ${method} ${path}`);
    }) as Api;

  it('an online login fetches R, a new PIN is set, and the queued entry is still there and opens', async () => {
    await unlockWithPin(db, PIN, NOW);
    const saved = await saveEntry(db, trafficCheck({ place: 'Väntar-KANARIE' }), ctx);
    dropDataKey();
    for (let i = 1; i <= MAX_PIN_ATTEMPTS; i++) await unlockWithPin(db, wrong(i), NOW);
    expect((await loadPinAttempts()).hardLockedAt).not.toBeNull();

    const session = { user, token: 'new-token-from-password-login', expiresAt: null };
    const plan = await planLogin(db, serverWith(recovery), session, NOW);
    expect(plan.kind).toBe('recover');
    if (plan.kind !== 'recover') return;
    await setPinAfterRecovery(db, { session, recovery: plan.recovery }, '730461', { iterations: 1_000 });

    expect(isUnlocked()).toBe(true);
    expect(await loadPinAttempts()).toEqual({ failures: 0, hardLockedAt: null });
    expect((await getEntry(db, saved.id))?.content.place).toBe('Väntar-KANARIE');
    expect((await nextBatch(db, 10)).map((c) => c.revision.content.place)).toEqual(['Väntar-KANARIE']);
    // The new PIN unlocks from now on, offline; the old one does not.
    dropDataKey();
    expect((await unlockWithPin(db, PIN, NOW)).kind).toBe('wrong');
    expect((await unlockWithPin(db, '730461', NOW)).kind).toBe('unlocked');
  });

  it('without a recovery key on the server, queued work blocks the login and nothing is touched', async () => {
    await unlockWithPin(db, PIN, NOW);
    await saveEntry(db, trafficCheck(), ctx);
    dropDataKey();
    const plan = await planLogin(db, serverWith(null), { user, token: 't', expiresAt: null }, NOW);
    expect(plan).toEqual({ kind: 'blocked', reason: 'noRecoveryKey', waiting: 1, owner: 'Polis Ett' });
    expect(await countQueued(db)).toBe(1);
  });

  it('a recovery key that does not fit this keyring counts as none', async () => {
    const plan = await planLogin(db, serverWith(crypto.getRandomValues(new Uint8Array(32))), { user, token: 't', expiresAt: null }, NOW);
    // Nothing waits: the device starts over with a first PIN.
    expect(plan).toEqual({ kind: 'firstPin' });
    expect(await get('keyring')).toBeUndefined();
  });
});

describe('another officer on the device', () => {
  const other = { ...user, id: 'o2', displayName: 'Polis Två' };
  const api = (async () => {
    throw new Error('no call expected');
  }) as unknown as Api;

  it("is refused while the first officer's work waits, and nothing is touched", async () => {
    await unlockWithPin(db, PIN, NOW);
    await saveEntry(db, trafficCheck(), ctx);
    dropDataKey();
    expect(await planLogin(db, api, { user: other, token: 't', expiresAt: null }, NOW)).toEqual({ kind: 'blocked', reason: 'otherOfficer', waiting: 1, owner: 'Polis Ett' });
    expect(await countQueued(db)).toBe(1);
  });

  it('starts the device over when nothing waits (all of it is on the server)', async () => {
    expect(await planLogin(db, api, { user: other, token: 't', expiresAt: null }, NOW)).toEqual({ kind: 'firstPin' });
    expect(await get('keyring')).toBeUndefined();
    expect(await get('deviceId')).toBe('device-1');
  });
});
