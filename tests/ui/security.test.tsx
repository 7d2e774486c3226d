// The PIN, the lock and logout as the officer meets them: choosing a PIN (and the
// refusals), the lock screen with its attempts left, the hard lock, and logout's
// explicit confirmation. The whole boot runs through Root against a scripted server.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { clear } from 'idb-keyval';
import { FieldLogDb, saveEntry } from '../../src/db/index.ts';
import { dropDataKey, isUnlocked } from '../../src/crypto/keystore.ts';
import { Root } from '../../src/ui/app/Root.tsx';
import { PinSetup } from '../../src/ui/features/security/PinSetup.tsx';
import { SecuritySettings } from '../../src/ui/features/security/SecuritySettings.tsx';
import { SecurityContext, type SecurityServices } from '../../src/ui/features/security/context.ts';
import type { Api } from '../../src/sync/api.ts';
import type { SessionResponse } from '../../src/domain/sync.ts';
import { catalogue, officer } from './harness.tsx';
import { trafficCheck } from '../fixtures/entries.ts';

const PIN = '482915';

function fillPin(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('choosing a PIN', () => {
  it('refuses short, non-digit, weak and mistyped PINs in Swedish, then takes a good one', async () => {
    const submit = vi.fn(async () => {});
    render(<PinSetup onSubmit={submit} />);
    const field = screen.getByLabelText('Ny PIN-kod') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('autocomplete')).toBe('off');
    const attempt = (pin: string, repeat = pin) => {
      fillPin('Ny PIN-kod', pin);
      fillPin('Upprepa PIN-koden', repeat);
      fireEvent.click(screen.getByRole('button', { name: 'Spara PIN-kod' }));
    };
    attempt('48291');
    expect(screen.getByText('PIN-koden ska vara 6–12 siffror.')).toBeTruthy();
    attempt('48291a');
    expect(screen.getByText('PIN-koden får bara innehålla siffror.')).toBeTruthy();
    attempt('123456');
    expect(screen.getByText(/PIN-koden är för lätt att gissa/)).toBeTruthy();
    attempt('000000');
    expect(screen.getByText(/PIN-koden är för lätt att gissa/)).toBeTruthy();
    attempt(PIN, '482916');
    expect(screen.getByText('PIN-koderna är inte lika.')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    attempt(PIN);
    await waitFor(() => expect(submit).toHaveBeenCalledWith(PIN));
  });
});

/** A server that knows one officer, with their recovery key kept as the device sent it. */
function fakeServer() {
  let recoveryKey: string | null = null;
  const calls: string[] = [];
  const api = (async (method: string, path: string, opts: { body?: unknown } = {}) => {
    calls.push(`${method} ${path}`);
    if (method === 'POST' && path === '/session') {
      const body: SessionResponse = { token: 'token-abcdefghijklmnopqrstuvwxyz', expiresAt: '2099-01-01T00:00:00.000Z', serverTime: new Date().toISOString(), user: officer };
      return { status: 200, data: body, etag: null };
    }
    if (path === '/catalogue') return { status: 200, data: catalogue, etag: '"c1"' };
    if (path === '/devices/self/recovery-key') {
      if (method === 'PUT') recoveryKey = (opts.body as { recoveryKey: string }).recoveryKey;
      return { status: method === 'PUT' ? 204 : 200, data: method === 'PUT' ? null : { recoveryKey }, etag: null };
    }
    if (path.startsWith('/sync/pull')) return { status: 200, data: { revisions: [], nextCursor: 0, hasMore: false }, etag: null };
    if (path === '/sync/push') return { status: 200, data: { results: [] }, etag: null };
    if (path === '/completions') return { status: 200, data: { completions: [] }, etag: '"x"' };
    return { status: 204, data: null, etag: null };
  }) as Api;
  return { api, calls, escrowed: () => recoveryKey };
}

const clock = { now: Date.now() };

async function boot(db: FieldLogDb, api: Api) {
  // A start of the app: nothing in memory, everything from the device's storage.
  dropDataKey();
  return render(<Root db={db} deviceId="device-1" appVersion="test" api={api} kdf={{ iterations: 1_000 }} now={() => clock.now} reloadAfterLogout={false} />);
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

// The first render of a screen loads (and transforms) its modules: more than findBy's 1 s.
const SLOW = { timeout: 10_000 };

async function firstLogin() {
  await clear();
  const db = new FieldLogDb(`root-${crypto.randomUUID()}`);
  await db.open();
  const server = fakeServer();
  const view = await boot(db, server.api);
  fireEvent.input(await screen.findByLabelText('Användarnamn'), { target: { value: 'polis1' } });
  fireEvent.input(screen.getByLabelText('Lösenord'), { target: { value: 'rätt lösenord' } });
  fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
  await screen.findByRole('heading', { name: 'Välj en PIN-kod' }, SLOW);
  fillPin('Ny PIN-kod', PIN);
  fillPin('Upprepa PIN-koden', PIN);
  fireEvent.click(screen.getByRole('button', { name: 'Spara PIN-kod' }));
  await screen.findByRole('heading', { name: 'Välj kommun' }, SLOW);
  return { db, server, view };
}

describe('the lock', () => {
  it('first login: a PIN before the app; the recovery key goes to the server; every start asks for the PIN', async () => {
    const { db, server, view } = await firstLogin();
    await waitFor(() => expect(server.escrowed()).toMatch(/^[A-Za-z0-9_-]{43}$/));
    view.unmount();
    await boot(db, server.api);
    expect(await screen.findByRole('heading', { name: 'Ange PIN' })).toBeTruthy();
    expect(screen.getByText('Appen är låst. Inloggad: Polis Ett.')).toBeTruthy();
    fillPin('PIN-kod', PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Lås upp' }));
    expect(await screen.findByRole('heading', { name: 'Välj kommun' })).toBeTruthy();
  });

  it('draws the lock screen before the database layer has loaded; an unlock asks again for one that failed to load', async () => {
    const { db, server, view } = await firstLogin();
    view.unmount();
    dropDataKey();
    let loads = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // As main.tsx's loader: the first fetch of the chunk fails (the network went), the next one works.
    const loadDb = async () => {
      const n = ++loads;
      await held;
      if (n === 1) throw new Error('Failed to fetch dynamically imported module');
      return db;
    };
    render(<Root db={loadDb} deviceId="device-1" appVersion="test" api={server.api} kdf={{ iterations: 1_000 }} now={() => clock.now} reloadAfterLogout={false} />);
    expect(await screen.findByRole('heading', { name: 'Ange PIN' }, SLOW)).toBeTruthy();
    release();
    fillPin('PIN-kod', PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Lås upp' }));
    expect(await screen.findByRole('heading', { name: 'Välj kommun' }, SLOW)).toBeTruthy();
    expect(loads).toBeGreaterThanOrEqual(2);
  });

  it('locks when the app comes back after being hidden a minute, and forgets the key', async () => {
    const { view } = await firstLogin();
    expect(isUnlocked()).toBe(true);
    // Preact runs effects (the watch starts in one) after the next frame.
    await new Promise((resolve) => setTimeout(resolve, 150));
    setVisibility('hidden');
    clock.now += 30_000;
    setVisibility('visible');
    expect(screen.queryByRole('heading', { name: 'Ange PIN' })).toBeNull();
    setVisibility('hidden');
    clock.now += 61_000;
    setVisibility('visible');
    expect(await screen.findByRole('heading', { name: 'Ange PIN' })).toBeTruthy();
    await waitFor(() => expect(isUnlocked()).toBe(false));
    view.unmount();
  });

  it('shows the attempts left after each wrong PIN, also after a restart', async () => {
    const { db, server, view } = await firstLogin();
    view.unmount();
    await boot(db, server.api);
    await screen.findByRole('heading', { name: 'Ange PIN' });
    fillPin('PIN-kod', '111112');
    fireEvent.click(screen.getByRole('button', { name: 'Lås upp' }));
    expect(await screen.findByText('Fel PIN-kod. 4 försök kvar.')).toBeTruthy();
    expect(screen.getByText(/Efter 5 felaktiga försök i rad raderas appens data/)).toBeTruthy();
    fillPin('PIN-kod', '111113');
    fireEvent.click(screen.getByRole('button', { name: 'Lås upp' }));
    expect(await screen.findByText('Fel PIN-kod. 3 försök kvar.')).toBeTruthy();
    view.unmount();
    await boot(db, server.api);
    expect(await screen.findByText('Fel PIN-kod. 3 försök kvar.')).toBeTruthy();
  });

  it('five wrong PINs with an entry waiting: the hard lock says what waits and asks for a password login', async () => {
    const { db, server, view } = await firstLogin();
    await saveEntry(db, trafficCheck(), { officerId: officer.id, deviceId: 'device-1', now: () => Date.now() });
    view.unmount();
    await boot(db, server.api);
    for (let i = 5; i >= 1; i--) {
      await screen.findByRole('heading', { name: 'Ange PIN' });
      fillPin('PIN-kod', `90000${i}`);
      fireEvent.click(screen.getByRole('button', { name: 'Lås upp' }));
      if (i > 1) await screen.findByText(`Fel PIN-kod. ${i - 1} försök kvar.`);
    }
    expect(await screen.findByRole('heading', { name: 'Appen är spärrad' })).toBeTruthy();
    expect(screen.getByText('PIN-koden angavs fel 5 gånger i rad, så den låser inte längre upp appen.')).toBeTruthy();
    expect(screen.getByText(/1 registrering väntar på att skickas\. Den finns kvar på telefonen, krypterad/)).toBeTruthy();
    // The online login fetches the recovery key; a new PIN opens the app with the entry still queued.
    fireEvent.input(screen.getByLabelText('Användarnamn'), { target: { value: 'polis1' } });
    fireEvent.input(screen.getByLabelText('Lösenord'), { target: { value: 'rätt lösenord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
    await screen.findByRole('heading', { name: 'Välj en ny PIN-kod' }, SLOW);
    fillPin('Ny PIN-kod', '730461');
    fillPin('Upprepa PIN-koden', '730461');
    fireEvent.click(screen.getByRole('button', { name: 'Spara PIN-kod' }));
    expect(await screen.findByRole('heading', { name: 'Välj kommun' }, SLOW)).toBeTruthy();
    expect(server.calls).toContain('GET /devices/self/recovery-key');
  });
});

describe('logout', () => {
  function withSecurity(logout: SecurityServices['logout'], online = true) {
    const security: SecurityServices = {
      lockTimes: { idleMinutes: 5, hiddenMinutes: 1 },
      setLockTimes: async () => {},
      lockNow: () => {},
      changePin: async () => {},
      logout,
      online: () => online,
    };
    return render(
      <SecurityContext.Provider value={security}>
        <SecuritySettings />
      </SecurityContext.Provider>,
    );
  }

  it('names what would be lost and needs RADERA typed before it discards anything', async () => {
    const logout = vi.fn(async (confirm: boolean) => (confirm ? ({ kind: 'done', server: 'ended' } as const) : ({ kind: 'refused', waiting: 3 } as const)));
    withSecurity(logout);
    fireEvent.click(screen.getByRole('button', { name: 'Logga ut' }));
    expect(await screen.findByText('3 registreringar har inte tagits emot av servern och raderas för alltid om du loggar ut.')).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Logga ut och radera 3 registreringar' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Skriv RADERA för att logga ut ändå och radera dem'), { target: { value: 'radera' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Skriv RADERA för att logga ut ändå och radera dem'), { target: { value: 'RADERA' } });
    expect(confirm.disabled).toBe(false);
    expect(logout).toHaveBeenCalledTimes(1);
    expect(logout).toHaveBeenLastCalledWith(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(logout).toHaveBeenLastCalledWith(true));
  });

  it('says, offline, that the server session ends by itself', () => {
    withSecurity(async () => ({ kind: 'done', server: 'notReached' }), false);
    expect(screen.getByText(/Du är utan nät: telefonen rensas nu, och inloggningen på servern upphör av sig själv/)).toBeTruthy();
  });

  it('offers the lock times 1–15 minutes and "Direkt" for a hidden app', () => {
    withSecurity(async () => ({ kind: 'done', server: 'ended' }));
    const idle = screen.getByLabelText('Lås efter inaktivitet') as HTMLSelectElement;
    expect(Array.from(idle.options).map((o) => o.textContent)).toEqual(['1 min', '2 min', '5 min', '10 min', '15 min']);
    expect(idle.value).toBe('5');
    const hidden = screen.getByLabelText('Lås när appen varit dold i') as HTMLSelectElement;
    expect(Array.from(hidden.options).map((o) => o.textContent)).toEqual(['Direkt', '1 min', '2 min', '5 min']);
  });
});
