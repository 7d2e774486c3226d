// Boot: read what the device already has (user, catalogue, settings) and show the app
// at once, offline or not; only a device that has never signed in needs the network.
// In front of the app stands the lock (gate.ts): at every start the PIN unwraps the data
// key, offline; a login chooses a PIN before the app is shown; too many wrong PINs wipe
// or lock hard (security/unlock.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldLogDb } from '../../db/index.ts';
import { loadCatalogue, saveCatalogue } from '../../db/index.ts';
import { loadSettings, saveSettings, type DeviceSettings } from '../../db/settings.ts';
import type { Catalogue } from '../../domain/catalogue/types.ts';
import type { SessionResponse, User } from '../../domain/sync.ts';
import { createApi, ApiFailure, NetworkFailure, type Api } from '../../sync/api.ts';
import { SyncController } from '../../sync/controller.ts';
import { syncOnce, isAuthFailure, isDeviceRevoked, isPasswordChangeRequired } from '../../sync/engine.ts';
import { loadSession, loadUser, saveSession, dropToken, hasValidToken, type StoredSession } from '../../sync/session.ts';
import { markRevoked, wipeIfDelivered, wipedAt } from '../../sync/revoke.ts';
import { isUnlocked } from '../../crypto/keystore.ts';
import { escrowPendingRecovery } from '../../security/escrow.ts';
import type { KdfOptions } from '../../security/keyring.ts';
import { loadLockTimes, type LockTimes } from '../../security/lock-times.ts';
import { afterUnlock, setFirstPin, setPinAfterRecovery, type PendingLogin } from '../../security/pin-setup.ts';
import { PIN_WIPED_KEY, unlockWithPin } from '../../security/unlock.ts';
import { del } from 'idb-keyval';
import type { ChangePasswordRequest } from '../../domain/admin.ts';
import { ChangePassword } from '../features/account/ChangePassword.tsx';
import { DeviceWiped } from '../features/account/DeviceWiped.tsx';
import { LockScreen } from '../features/security/LockScreen.tsx';
import { SecurityContext } from '../features/security/context.ts';
import { AppShell } from './AppShell.tsx';
import type { AppServices, HttpMethod, ServerCall } from './context.ts';
import { readGate, type Gate } from './gate.ts';
import { lazyScreen } from './lazy.tsx';
import { useLock } from './useLock.ts';
import { securityServices } from './security-services.ts';
import { Login } from '../features/login/Login.tsx';
import { t } from '../i18n/index.ts';
import { requestPersistence } from '../../pwa/storage.ts';
import { onSyncRequested } from '../../pwa/bridge.ts';

// Seldom seen: loaded when needed (the lock screen, seen at every start, is not).
const PinSetup = lazyScreen(() => import('../features/security/PinSetup.tsx').then((m) => m.PinSetup));
const HardLocked = lazyScreen(() => import('../features/security/HardLocked.tsx').then((m) => m.HardLocked));
const Wiped = lazyScreen(() => import('../features/security/Wiped.tsx').then((m) => m.Wiped));

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
  db: FieldLogDb;
  deviceId: string;
  appVersion: string;
  api?: Api;
  now?: () => number;
  /** Fixed PBKDF2 iterations (tests only); tuned to the device otherwise. */
  kdf?: KdfOptions;
  /** False in tests, where jsdom cannot reload. */
  reloadAfterLogout?: boolean;
}

export function Root({ db, deviceId, appVersion, api: givenApi, now = Date.now, kdf, reloadAfterLogout = true }: RootProps) {
  const api = useMemo(() => givenApi ?? createApi(), [givenApi]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [forgotPin, setForgotPin] = useState(false);
  /** A password login waiting for its PIN (its token is stored only once it can be sealed). */
  const pending = useRef<PendingLogin | null>(null);

  const reload = async () => {
    const [settings, lockTimes] = await Promise.all([loadSettings(), loadLockTimes()]);
    if (await wipedAt()) return setLoaded({ user: null, catalogue: null, settings, lockTimes, gate: { kind: 'login' }, wiped: true });
    const [user, catalogue] = await Promise.all([loadUser(), loadCatalogue(db)]);
    const gate = await readGate(db, user, pending.current);
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

  /** Revoked: wipe once nothing waits in the outbox; until then the sync goes on pushing. */
  const onRevoked = async () => {
    await markRevoked(db, now());
    const outcome = await wipeIfDelivered(db, now());
    if (outcome.wiped) {
      sync.stop();
      await reload();
    }
  };

  const sync = useMemo(
    () =>
      new SyncController({
        now,
        run: async () => {
          // Locked: the token and the entries' contents are sealed; the sync runs right after unlock.
          if (!isUnlocked()) return null;
          const session = await loadSession();
          if (!hasValidToken(session, now())) return null;
          // A recovery key the server has not confirmed yet goes first; its failure stops nothing.
          await escrowPendingRecovery(api, session.token).catch(() => undefined);
          try {
            const report = await syncOnce({ db, api, token: session.token, officerId: session.user.id, deviceId, appVersion, now });
            if (report.deviceRevoked) await onRevoked();
            return report;
          } catch (e) {
            // An expired session keeps every queued entry; they wait for the next login.
            if (isAuthFailure(e)) await dropToken();
            if (isPasswordChangeRequired(e)) await requirePasswordChange();
            throw e;
          }
        },
      }),
    [db, api, deviceId, appVersion],
  );

  useEffect(() => {
    void reload();
    const detach = sync.attach(window, document);
    const unsubscribe = sync.subscribe((s) => {
      if (s.lastReport?.catalogueChanged) void reload();
    });
    // Background Sync (where the browser has it) wakes the same sync, never a second copy of it.
    const unwake = onSyncRequested(() => void sync.trigger());
    return () => {
      unwake();
      unsubscribe();
      detach();
    };
  }, [sync]);

  /** After a login whose session is stored: the catalogue, then the app, then a sync. */
  const completeLogin = async (session: StoredSession) => {
    // Until the password is changed every other call answers 403: ask for it first.
    if (session.user.mustChangePassword) return await reload();
    const cat = await api<Catalogue>('GET', '/catalogue', { token: session.token });
    if (cat.data) await saveCatalogue(db, cat.data, cat.etag);
    await reload();
    void requestPersistence();
    void sync.trigger();
  };

  const login = async (username: string, password: string) => {
    try {
      const res = await api<SessionResponse>('POST', '/session', { body: { username, password, deviceId } });
      const s = res.data!;
      // Expiry on the device's own clock: the session's lifetime from now, whatever the clocks' skew.
      const lifetimeMs = Date.parse(s.expiresAt) - Date.parse(s.serverTime);
      const session = { user: s.user, token: s.token, expiresAt: new Date(now() + lifetimeMs).toISOString() };
      // Loaded with the first login (which needs the network anyway), not at every start.
      const { planLogin } = await import('../../security/login-plan.ts');
      const plan = await planLogin(db, api, session, now());
      if (plan.kind === 'blocked') {
        throw new Error(plan.reason === 'otherOfficer' ? t.security.otherOfficerWaiting(plan.owner, plan.waiting) : t.security.noRecoveryKey(plan.waiting));
      }
      setForgotPin(false);
      if (plan.kind === 'relogin') {
        await saveSession(session);
        return await completeLogin(session);
      }
      // A PIN first (a new one, or a new one after recovery): the token is sealed with the data key.
      pending.current = { session, recovery: plan.kind === 'recover' ? plan.recovery : null };
      await reload();
    } catch (e) {
      if (e instanceof NetworkFailure) throw new Error(t.login.offline);
      if (e instanceof ApiFailure) throw new Error(e.message);
      throw e;
    }
  };

  const choosePin = async (pin: string) => {
    const p = pending.current;
    if (p?.recovery) await setPinAfterRecovery(db, { ...p, recovery: p.recovery }, pin, kdf);
    else await setFirstPin(db, p?.session.user.id ?? (await loadUser())!.id, pin, p, kdf);
    pending.current = null;
    const session = await loadSession();
    if (hasValidToken(session, now())) await escrowPendingRecovery(api, session.token).catch(() => undefined);
    if (p) return completeLogin(p.session);
    await reload();
    void sync.trigger();
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
    const result = await unlockWithPin(db, pin, now());
    if (result.kind === 'unlocked') await afterUnlock(db);
    if (result.kind !== 'wrong') await reload();
    if (result.kind === 'unlocked') void sync.trigger();
    return result;
  };

  /**
   * POST /session/password. Sent with the api itself, not callServer: a wrong current
   * password must not cost the session. Then the catalogue (a first login had none yet).
   */
  const changePassword = async (currentPassword: string, newPassword: string) => {
    const session = await loadSession();
    if (!hasValidToken(session, now())) throw new ApiFailure(401, 'session_expired', t.followUp.needsLogin);
    const body: ChangePasswordRequest = { currentPassword, newPassword };
    await api('POST', '/session/password', { token: session.token, body });
    await saveSession({ ...session, user: { ...session.user, mustChangePassword: false } });
    if (!(await loadCatalogue(db))) {
      const cat = await api<Catalogue>('GET', '/catalogue', { token: session.token });
      if (cat.data) await saveCatalogue(db, cat.data, cat.etag);
    }
    await reload();
    void sync.trigger();
  };

  // One function for the app's life, so screens can depend on it without refetching.
  const callServer = useMemo<ServerCall>(
    () =>
      async <T,>(method: HttpMethod, path: string, body?: unknown): Promise<T> => {
        const session = await loadSession();
        if (!hasValidToken(session, now())) throw new ApiFailure(401, 'session_expired', t.followUp.needsLogin);
        try {
          return (await api<T>(method, path, { token: session.token, body })).data as T;
        } catch (e) {
          // The same rule as the sync: a refused token is dropped and the sync bar asks for a login.
          if (isAuthFailure(e)) {
            await dropToken();
            void sync.trigger();
          }
          if (isPasswordChangeRequired(e)) await requirePasswordChange();
          // The sync pushes what waits, then wipes (onRevoked).
          if (isDeviceRevoked(e)) void sync.trigger();
          throw e;
        }
      },
    [api, sync],
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
  const services: AppServices = {
    db,
    now,
    deviceId,
    appVersion,
    sync,
    callServer,
    login,
    changePassword,
    saveSettings: async (settings) => {
      await saveSettings(settings);
      setLoaded((l) => (l ? { ...l, settings } : l));
    },
  };
  const security = securityServices({ db, api, now, sync, kdf, lockTimes: loaded.lockTimes, lockNow, afterLogout, setLockTimes: (lockTimes) => setLoaded((l) => (l ? { ...l, lockTimes } : l)) });
  return (
    <SecurityContext.Provider value={security}>
      <AppShell services={services} state={{ user: loaded.user, catalogue: loaded.catalogue, settings: loaded.settings }} />
    </SecurityContext.Provider>
  );
}
