// The session token at rest, and the idle and hidden-page locks.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clear, get } from 'idb-keyval';
import { dropDataKey, setDataKey } from '../../../src/crypto/keystore.ts';
import { dropToken, loadSession, loadUser, saveSession } from '../../../src/sync/session.ts';
import { watchForLock } from '../../../src/security/auto-lock.ts';
import { loadLockTimes, saveLockTimes, DEFAULT_LOCK_TIMES } from '../../../src/security/lock-times.ts';
import { render } from './raw-idb.ts';

const user = { id: 'o1', username: 'polis1', displayName: 'Polis Ett', roles: ['officer' as const], policeAreaId: 'hoglandet', kommunIds: ['nassjo'] };
const TOKEN = 'tok-abcdefghijklmnopqrstuvwxyz0123';

beforeEach(async () => {
  await clear();
});

describe('the session token', () => {
  it('is stored sealed; the user stays readable; a locked app has no token', async () => {
    await saveSession({ user, token: TOKEN, expiresAt: '2025-05-08T10:00:00.000Z' });
    expect(render(await get('session'))).not.toContain(TOKEN);
    expect((await loadSession())?.token).toBe(TOKEN);
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    dropDataKey();
    expect(await loadSession()).toEqual({ user, token: null, expiresAt: '2025-05-08T10:00:00.000Z' });
    expect(await loadUser()).toEqual(user);
    // Another key (another device's, or a guess) does not open it.
    setDataKey(key);
    await expect(loadSession()).rejects.toThrow(/kunde inte dekrypteras/);
  });

  it('dropping the token keeps the user, also while locked', async () => {
    await saveSession({ user, token: TOKEN, expiresAt: null });
    dropDataKey();
    await dropToken();
    expect(await loadUser()).toEqual(user);
    expect(JSON.stringify(await get('session'))).not.toContain('sealedToken":{');
  });
});

describe('automatic lock', () => {
  function page() {
    const listeners = new Map<string, Set<() => void>>();
    const target = {
      visibilityState: 'visible' as DocumentVisibilityState,
      addEventListener: (type: string, fn: () => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
      removeEventListener: (type: string, fn: () => void) => void listeners.get(type)?.delete(fn),
      fire: (type: string) => listeners.get(type)?.forEach((fn) => fn()),
    };
    // Just the event plumbing of a window or document.
    return target as typeof target & Document & Window;
  }

  it('locks after the idle time without input, not before; input restarts the clock', () => {
    vi.useFakeTimers();
    try {
      const doc = page();
      const win = page();
      let now = 0;
      let locks = 0;
      const stop = watchForLock({ win, doc, now: () => now, times: () => ({ idleMinutes: 5, hiddenMinutes: 1 }), onLock: () => void locks++, every: 1_000 });
      now = 4 * 60_000;
      win.fire('pointerdown');
      now = 8 * 60_000;
      vi.advanceTimersByTime(1_000);
      expect(locks).toBe(0);
      now = 9 * 60_000 + 1;
      vi.advanceTimersByTime(1_000);
      expect(locks).toBe(1);
      stop();
      now = 60 * 60_000;
      vi.advanceTimersByTime(10_000);
      expect(locks).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('locks on return after being hidden for the hidden time; a glance away does not', () => {
    const doc = page();
    let now = 0;
    let locks = 0;
    const stop = watchForLock({ win: page(), doc, now: () => now, times: () => ({ idleMinutes: 15, hiddenMinutes: 1 }), onLock: () => void locks++ });
    doc.visibilityState = 'hidden';
    doc.fire('visibilitychange');
    now = 30_000;
    doc.visibilityState = 'visible';
    doc.fire('visibilitychange');
    expect(locks).toBe(0);
    doc.visibilityState = 'hidden';
    doc.fire('visibilitychange');
    now = 30_000 + 60_000;
    doc.visibilityState = 'visible';
    doc.fire('visibilitychange');
    expect(locks).toBe(1);
    stop();
  });

  it('"Direkt" locks as soon as the page is hidden', () => {
    const doc = page();
    let locks = 0;
    const stop = watchForLock({ win: page(), doc, now: () => 0, times: () => ({ idleMinutes: 5, hiddenMinutes: 0 }), onLock: () => void locks++ });
    doc.visibilityState = 'hidden';
    doc.fire('visibilitychange');
    expect(locks).toBe(1);
    stop();
  });

  it('lock times default to 5 and 1 minutes and keep only the offered choices', async () => {
    expect(await loadLockTimes()).toEqual(DEFAULT_LOCK_TIMES);
    await saveLockTimes({ idleMinutes: 10, hiddenMinutes: 0 });
    expect(await loadLockTimes()).toEqual({ idleMinutes: 10, hiddenMinutes: 0 });
    await saveLockTimes({ idleMinutes: 999, hiddenMinutes: 2 });
    expect(await loadLockTimes()).toEqual({ idleMinutes: 5, hiddenMinutes: 2 });
  });
});
