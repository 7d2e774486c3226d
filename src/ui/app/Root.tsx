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
import { syncOnce, isAuthFailure } from '../../sync/engine.ts';
import { loadSession, saveSession, dropToken, hasValidToken } from '../../sync/session.ts';
import { AppShell } from './AppShell.tsx';
import type { AppServices, ServerCall } from './context.ts';
import { Login } from '../features/login/Login.tsx';
import { t } from '../i18n/sv.ts';
import { requestPersistence } from '../../pwa/storage.ts';
import { onSyncRequested } from '../../pwa/bridge.ts';

interface Loaded {
  user: User | null;
  catalogue: Catalogue | null;
  settings: DeviceSettings;
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
    const [session, catalogue, settings] = await Promise.all([loadSession(), loadCatalogue(db), loadSettings()]);
    setLoaded({ user: session?.user ?? null, catalogue: catalogue?.catalogue ?? null, settings });
  };

  const sync = useMemo(
    () =>
      new SyncController({
        now,
        run: async () => {
          const session = await loadSession();
          if (!hasValidToken(session, now())) return null;
          try {
            return await syncOnce({ db, api, token: session.token, officerId: session.user.id, deviceId, appVersion, now });
          } catch (e) {
            // An expired session keeps every queued entry; they wait for the next login.
            if (isAuthFailure(e)) await dropToken();
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

  // One function for the app's life, so screens can depend on it without refetching.
  const callServer = useMemo<ServerCall>(
    () =>
      async <T,>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
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
          throw e;
        }
      },
    [api, sync],
  );

  if (!loaded) return <p aria-busy="true" class="booting">{t.appName}</p>;
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
    saveSettings: async (settings) => {
      await saveSettings(settings);
      setLoaded((l) => (l ? { ...l, settings } : l));
    },
  };
  return <AppShell services={services} state={{ user: loaded.user, catalogue: loaded.catalogue, settings: loaded.settings }} />;
}
