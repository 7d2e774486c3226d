// Boot: read what the device already has (user, catalogue, settings) and show the app
// at once, offline or not; only a device that has never signed in needs the network.
// In front of the app stands the lock (gate.ts): at every start the PIN unwraps the data
// key, offline; a login chooses a PIN before the app is shown; too many wrong PINs wipe
// or lock hard (security/unlock.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldLogDb } from '../../db/index.ts';
import { loadSettings, saveSettings, type DeviceSettings } from '../../db/settings.ts';
import type { Catalogue } from '../../domain/catalogue/types.ts';
import type { User } from '../../domain/sync.ts';
import type { Api } from '../../sync/api.ts';
import { loadSession, loadUser, saveSession, type StoredSession } from '../../sync/session.ts';
import { wipedAt } from '../../sync/wipe-marker.ts';
import type { KdfOptions } from '../../security/keyring.ts';
import { loadLockTimes, type LockTimes } from '../../security/lock-times.ts';
import { afterUnlock, setFirstPin, setPinAfterRecovery, type PendingLogin } from '../../security/pin-setup.ts';
import { PIN_WIPED_KEY, unlockWithPin } from '../../security/unlock.ts';
import { del } from 'idb-keyval';
import { LockScreen } from '../features/security/LockScreen.tsx';
import { SecurityContext } from '../features/security/context.ts';
import { ChangePassword, DeviceWiped, HardLocked, Login, PinSetup, Wiped } from './account-screens.ts';
import { lazyScreen } from './lazy.tsx';
import type { AppServices, HttpMethod, ServerCall } from './context.ts';
import { firstScreenPainted, markFirstScreen } from './first-screen.ts';
import { readGate, type Gate } from './gate.ts';
import { useLock } from './useLock.ts';
import { securityServices } from './security-services.ts';
import type { ServerServices } from './server-services.ts';
import { t } from '../i18n/index.ts';
import { requestPersistence } from '../../pwa/storage.ts';
import { onSyncRequested } from '../../pwa/bridge.ts';

/** A promise with its resolve at hand: the server services, for whoever needs them before they have loaded. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

// The app behind the lock: the log screen with everything it uses, the database layer
// (Dexie) among it. Not in the first load: every start shows the lock screen first, which
// needs neither, so the lock screen is drawn from a small script, and Root fetches this
// once that screen is painted (not on first use); by the time a PIN is typed it is in.
const AppShell = lazyScreen(() => import('./AppShell.tsx').then((m) => m.AppShell));
// Not the database's index: a dynamic import of it would keep all of it in the shell (db/index.ts).
const catalogueModule = () => import('../../db/catalogue.ts');

/** How long to wait before asking again for the server chunk after its fetch failed (besides on 'online'). */
const SERVER_RETRY_MS = 30_000;

interface Loaded {
  user: User | null;
  catalogue: Catalogue | null;
  settings: DeviceSettings;
  lockTimes: LockTimes;
  gate: Gate;
  /** The device was revoked and has wiped itself. */
  wiped: boolean;
}

export interface RootProps {
  /**
   * The device's database, or how to load it (main.tsx): the database layer is fetched
   * once the first screen is painted, or at once when a screen needs it.
   */
  db: FieldLogDb | (() => Promise<FieldLogDb>);
  deviceId: string;
  appVersion: string;
  api?: Api;
  now?: () => number;
  /** Fixed PBKDF2 iterations (tests only); tuned to the device otherwise. */
  kdf?: KdfOptions;
  /** False in tests, where jsdom cannot reload. */
  reloadAfterLogout?: boolean;
}

export function Root({ db: givenDb, deviceId, appVersion, api: givenApi, now = Date.now, kdf, reloadAfterLogout = true }: RootProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // `dbReady()` for handlers (it starts the load if nothing has yet), `db` for rendering
  // (null until the database layer is in; whichever call loads it sets it).
  const [db, setDb] = useState<FieldLogDb | null>(typeof givenDb === 'function' ? null : givenDb);
  const dbReady = useMemo(() => {
    const load = typeof givenDb === 'function' ? givenDb : () => Promise.resolve(givenDb);
    return () => load().then((d) => (setDb(d), d));
  }, [givenDb]);
  useEffect(() => {
    // After the lock screen's paint, so its bytes come first on a slow network; a PIN takes
    // longer to type than the rest takes to arrive.
    void firstScreenPainted.then(() => {
      // A failed fetch is asked again by whatever needs the database next (an unlock, a reload).
      dbReady().catch(() => undefined);
      void AppShell.preload().catch(() => undefined);
    });
  }, [dbReady]);
  const [forgotPin, setForgotPin] = useState(false);
  /** A password login waiting for its PIN (its token is stored only once it can be sealed). */
  const pending = useRef<PendingLogin | null>(null);

  const reload = async () => {
    const [settings, lockTimes] = await Promise.all([loadSettings(), loadLockTimes()]);
    if (await wipedAt()) return setLoaded({ user: null, catalogue: null, settings, lockTimes, gate: { kind: 'login' }, wiped: true });
    const user = await loadUser();
    const gate = await readGate(dbReady, user, pending.current);
    // Only the app needs the catalogue (and so the database): a lock or login screen is
    // shown without waiting for them. Unlocking reads the device again.
    const catalogue = gate.kind === 'open' && user ? await (await catalogueModule()).loadCatalogue(await dbReady()) : null;
    setLoaded({ user, catalogue: catalogue?.catalogue ?? null, settings, lockTimes, gate, wiped: false });
  };

  /** Lock: the lock screen replaces the app first (its forms save their drafts while the key is still there), then the key goes. */
  const lockNow = useLock(loaded?.gate.kind, loaded?.lockTimes, now, () => {
    setForgotPin(false);
    setLoaded((l) => (l && l.gate.kind === 'open' ? { ...l, gate: { kind: 'locked', remaining: null } } : l));
  });

  /** The server wants a new password first (after an admin's reset): remember it, and ask. */
  const requirePasswordChange = async () => {
    const s = await loadSession();
    if (s && !s.user.mustChangePassword) await saveSession({ ...s, user: { ...s.user, mustChangePassword: true } });
    await reload();
  };

  // What talks to the server (the sync engine, login, password change, the screens' server
  // calls) is its own chunk, fetched right after the first screen is painted: the lock
  // screen and the log screen do not wait for it, and nothing saved waits for it either
  // (the outbox keeps it; the controller's attach() syncs at once when it is in).
  // `server` is for rendering, `serverNow` for handlers that must see it the moment it
  // exists, `serverReady` for those that need it whatever the moment (a login, a call).
  const [server, setServer] = useState<ServerServices | null>(null);
  const serverNow = useRef<ServerServices | null>(null);
  const serverReady = useMemo(() => deferred<ServerServices>(), [dbReady, givenApi, deviceId, appVersion]);

  useEffect(() => {
    void reload();
    let stopped = false;
    let detach = () => {};
    let retry: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      clearTimeout(retry);
      window.removeEventListener('online', start);
      Promise.all([import('./server-services.ts'), dbReady()]).then(
        ([{ createServerServices }, resolvedDb]) => {
          if (stopped) return;
          const s = createServerServices({ db: resolvedDb, api: givenApi, deviceId, appVersion, now, reload, requirePasswordChange });
          const unattach = s.sync.attach(window, document);
          const unsubscribe = s.sync.subscribe((status) => {
            if (status.lastReport?.catalogueChanged) void reload();
          });
          // Background Sync (where the browser has it) wakes the same sync, never a second copy of it.
          const unwake = onSyncRequested(() => void s.sync.trigger());
          detach = () => {
            unwake();
            unsubscribe();
            unattach();
          };
          serverNow.current = s;
          setServer(s);
          serverReady.resolve(s);
        },
        () => {
          // The chunk could not be fetched (the network went at the wrong moment, before the
          // service worker had it): ask again when the network returns, or in a while.
          if (stopped) return;
          window.addEventListener('online', start);
          retry = setTimeout(start, SERVER_RETRY_MS);
        },
      );
    };
    void firstScreenPainted.then(() => {
      if (!stopped) start();
    });
    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener('online', start);
      detach();
      serverNow.current = null;
    };
  }, [serverReady]);

  const shown = loaded !== null;
  useEffect(() => {
    if (shown) markFirstScreen();
  }, [shown]);

  /**
   * Sync now, if the server chunk is in. If it is not, nothing is lost: its attach() runs
   * the first sync when it arrives, and that run sees whatever happened before (a login,
   * an unlock, a save).
   */
  const syncNow = () => void serverNow.current?.sync.trigger();

  /** After a login whose session is stored: the catalogue, then the app, then a sync. */
  const completeLogin = async (s: ServerServices, session: StoredSession & { token: string }) => {
    // Until the password is changed every other call answers 403: ask for it first.
    if (session.user.mustChangePassword) return await reload();
    await s.fetchCatalogue(session.token);
    await reload();
    void requestPersistence();
    void s.sync.trigger();
  };

  const login = async (username: string, password: string) => {
    // Offline before the server chunk ever arrived: say so rather than wait for the network.
    if (!serverNow.current && !navigator.onLine) throw new Error(t.login.offline);
    const s = await serverReady.promise;
    try {
      const { session, plan } = await s.signIn(username, password);
      setForgotPin(false);
      if (plan.kind === 'relogin') {
        await saveSession(session);
        return await completeLogin(s, session);
      }
      // A PIN first (a new one, or a new one after recovery): the token is sealed with the data key.
      pending.current = { session, recovery: plan.kind === 'recover' ? plan.recovery : null };
      await reload();
    } catch (e) {
      throw s.loginError(e);
    }
  };

  const choosePin = async (pin: string) => {
    const p = pending.current;
    const d = await dbReady();
    if (p?.recovery) await setPinAfterRecovery(d, { ...p, recovery: p.recovery }, pin, kdf);
    else await setFirstPin(d, p?.session.user.id ?? (await loadUser())!.id, pin, p, kdf);
    pending.current = null;
    const s = await serverReady.promise;
    await s.escrow();
    if (p) return completeLogin(s, p.session);
    await reload();
    void s.sync.trigger();
  };

  /**
   * After a logout the page starts afresh: the server's Clear-Site-Data may have closed
   * every storage connection (and unregistered the worker); a start opens new ones and
   * shows the login. In tests (no real location) the device is simply read again.
   */
  const afterLogout = async () => {
    pending.current = null;
    if (reloadAfterLogout) location.reload();
    else await reload();
  };

  const unlock = async (pin: string) => {
    const d = await dbReady();
    const result = await unlockWithPin(d, pin, now());
    if (result.kind === 'unlocked') await afterUnlock(d);
    if (result.kind !== 'wrong') await reload();
    if (result.kind === 'unlocked') syncNow();
    return result;
  };

  /** POST /session/password, then the app (and the sync the server held back until now). */
  const changePassword = async (currentPassword: string, newPassword: string) => {
    const s = await serverReady.promise;
    await s.changePassword(currentPassword, newPassword);
    await reload();
    void s.sync.trigger();
  };

  // One function for the app's life, so screens can depend on it without refetching.
  const callServer = useMemo<ServerCall>(
    () =>
      async <T,>(method: HttpMethod, path: string, body?: unknown): Promise<T> =>
        (await serverReady.promise).callServer<T>(method, path, body),
    [serverReady],
  );

  if (!loaded) return <p aria-busy="true" class="booting">{t.appName}</p>;
  if (loaded.wiped) return <DeviceWiped />;
  const { gate } = loaded;
  if (gate.kind === 'pinWiped') {
    return <Wiped onLogin={() => void del(PIN_WIPED_KEY).then(reload)} />;
  }
  if (gate.kind === 'choosePin') {
    return (
      <main id="main">
        <PinSetup recovered={gate.recovered} onSubmit={choosePin} />
      </main>
    );
  }
  if (gate.kind === 'hardLocked') return <HardLocked waiting={gate.waiting} onLogin={login} />;
  if (gate.kind === 'locked') {
    if (forgotPin) {
      return (
        <main id="main">
          <p class="notice">{t.security.forgotIntro}</p>
          <Login onLogin={login} onCancel={() => setForgotPin(false)} />
        </main>
      );
    }
    return <LockScreen name={loaded.user?.displayName ?? ''} remaining={gate.remaining} onUnlock={unlock} onForgot={() => setForgotPin(true)} />;
  }
  if (loaded.user?.mustChangePassword) {
    return (
      <main id="main">
        <ChangePassword required onChange={changePassword} />
      </main>
    );
  }
  if (gate.kind === 'login' || !loaded.user || !loaded.catalogue) {
    return (
      <main id="main">
        <Login onLogin={login} />
      </main>
    );
  }
  // The app needs the database; it has been loading since the start (a moment more at most).
  if (!db) return <p aria-busy="true" class="booting">{t.appName}</p>;
  const services: AppServices = {
    db,
    now,
    deviceId,
    appVersion,
    sync: server?.sync ?? null,
    callServer,
    login,
    changePassword,
    saveSettings: async (settings) => {
      await saveSettings(settings);
      setLoaded((l) => (l ? { ...l, settings } : l));
    },
  };
  const security = securityServices({ db, server: () => serverReady.promise, now, kdf, lockTimes: loaded.lockTimes, lockNow, afterLogout, setLockTimes: (lockTimes) => setLoaded((l) => (l ? { ...l, lockTimes } : l)) });
  return (
    <SecurityContext.Provider value={security}>
      <AppShell services={services} state={{ user: loaded.user, catalogue: loaded.catalogue, settings: loaded.settings }} />
    </SecurityContext.Provider>
  );
}
