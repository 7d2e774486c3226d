// What the screens need from the outside world, injected so tests can supply their own.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FieldLogDb } from '../../db/index.ts';
import type { Catalogue } from '../../domain/catalogue/types.ts';
import type { User } from '../../domain/sync.ts';
import type { SyncController } from '../../sync/controller.ts';
import type { DeviceSettings } from '../../db/settings.ts';

/**
 * A request to the server with the session's token, for what only works online
 * (devices, completions, the catalogue editor, administration). Throws NetworkFailure when the server cannot be reached and
 * ApiFailure when it answers with an error (401 when there is no valid session).
 */
export type ServerCall = <T>(method: HttpMethod, path: string, body?: unknown) => Promise<T>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AppServices {
  db: FieldLogDb;
  now: () => number;
  deviceId: string;
  appVersion: string;
  /** Null in tests and before login. */
  sync: SyncController | null;
  /** Null in tests that do not talk to a server. */
  callServer: ServerCall | null;
  login: (username: string, password: string) => Promise<void>;
  /** POST /session/password for the signed-in user; absent in tests that do not need it. */
  changePassword?: (currentPassword: string, newPassword: string) => Promise<void>;
  saveSettings: (settings: DeviceSettings) => Promise<void>;
}

export interface AppState {
  user: User;
  catalogue: Catalogue;
  settings: DeviceSettings;
}

export const ServicesContext = createContext<AppServices | null>(null);
export const StateContext = createContext<AppState | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}

export function useAppState(): AppState {
  const s = useContext(StateContext);
  if (!s) throw new Error('StateContext missing');
  return s;
}
