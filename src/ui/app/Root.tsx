// Boot: read what the device already has (user, catalogue, settings) and show the app
// at once, offline or not; only a device that has never signed in needs the network.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FieldLogDb } from '../../db/index.ts';
import { loadCatalogue, saveCatalogue } from '../../db/index.ts';
import { loadSettings, saveSettings, type DeviceSettings } from '../../db/settings.ts';
import type { Catalogue } from '../../domain/catalogue/types.ts';
import type { SessionResponse, User } from '../../domain/sync.ts';
import { createApi, ApiFailure, NetworkFailure, type Api } from '../../sync/api.ts';
import { SyncController } from '../../sync/controller.ts';
import { syncOnce, isAuthFailure, isDeviceRevoked, isPasswordChangeRequired } from '../../sync/engine.ts';
import { loadSession, saveSession, dropToken, hasValidToken } from '../../sync/session.ts';
import { markRevoked, wipeIfDelivered, wipedAt } from '../../sync/revoke.ts';
import type { ChangePasswordRequest } from '../../domain/admin.ts';
import { ChangePassword } from '../features/account/ChangePassword.tsx';
import { DeviceWiped } from '../features/account/DeviceWiped.tsx';
import { AppShell } from './AppShell.tsx';
import type { AppServices, HttpMethod, ServerCall } from './context.ts';
import { Login } from '../features/login/Login.tsx';
import { t } from '../i18n/sv.ts';
import { requestPersistence } from '../../pwa/storage.ts';
import { onSyncRequested } from '../../pwa/bridge.ts';

interface Loaded {
  user: User | null;
  catalogue: Catalogue | null;
  settings: DeviceSettings;
  /** The device was revoked and has wiped itself. */
  wiped: boolean;
}

export interface RootProps {
  db: FieldLogDb;
  deviceId: string;
  appVersion: string;
  api?: Api;
  now?: () => number;
}

export function Root({ db, deviceId, appVersion, api: givenApi, now = Date.now }: RootProps) {
  const api = useMemo(() => givenApi ?? createApi(), [givenApi]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  const reload = async () => {
    if (await wipedAt()) return setLoaded({ user: null, catalogue: null, settings: await loadSettings(), wiped: true });
    const [session, catalogue, settings] = await Promise.all([loadSession(), loadCatalogue(db), loadSettings()]);
    setLoaded({ user: session?.user ?? null, catalogue: catalogue?.catalogue ?? null, settings, wiped: false });
  };

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
          const session = await loadSession();
          if (!hasValidToken(session, now())) return null;
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

  const login = async (username: string, password: string) => {
    try {
      const res = await api<SessionResponse>('POST', '/session', { body: { username, password, deviceId } });
      const session = res.data!;
      // Another officer's queued work on this device stays theirs: the outbox pushes
      // only the signed-in officer's revisions (see nextBatch).
      // Expiry on the device's own clock: the session's lifetime from now, whatever the clocks' skew.
      const lifetimeMs = Date.parse(session.expiresAt) - Date.parse(session.serverTime);
      await saveSession({ user: session.user, token: session.token, expiresAt: new Date(now() + lifetimeMs).toISOString() });
      // Until the password is changed every other call answers 403: ask for it first.
      if (session.user.mustChangePassword) return await reload();
      const cat = await api<Catalogue>('GET', '/catalogue', { token: session.token });
      if (cat.data) await saveCatalogue(db, cat.data, cat.etag);
      await reload();
      void requestPersistence();
      void sync.trigger();
    } catch (e) {
      if (e instanceof NetworkFailure) throw new Error(t.login.offline);
      if (e instanceof ApiFailure) throw new Error(e.message);
      throw e;
    }
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
  if (loaded.user?.mustChangePassword) {
    return (
      <main id="main">
        <ChangePassword required onChange={changePassword} />
      </main>
    );
  }
  if (!loaded.user || !loaded.catalogue) {
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
  return <AppShell services={services} state={{ user: loaded.user, catalogue: loaded.catalogue, settings: loaded.settings }} />;
}
