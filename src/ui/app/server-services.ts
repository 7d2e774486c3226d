// Everything of Root that talks to the server: the sync controller and its run, sign-in,
// the password change and the screens' server calls. A separate chunk, loaded by Root
// right after its first render (server-link.ts), so the lock screen and the log screen
// paint without the sync engine. Nothing an officer saves waits for it: entries go to the
// device's database and its outbox, and the controller's attach() syncs whatever is
// queued as soon as this module is in.
import type { FieldLogDb } from '../../db/index.ts';
import { loadCatalogue, saveCatalogue } from '../../db/index.ts';
import type { Catalogue } from '../../domain/catalogue/types.ts';
import type { ChangePasswordRequest } from '../../domain/admin.ts';
import type { SessionResponse } from '../../domain/sync.ts';
import { isUnlocked } from '../../crypto/keystore.ts';
import { escrowPendingRecovery } from '../../security/escrow.ts';
import { createApi, ApiFailure, NetworkFailure, type Api } from '../../sync/api.ts';
import { SyncController } from '../../sync/controller.ts';
import { syncOnce, foldAfterRun, isAuthFailure, isDeviceRevoked, isPasswordChangeRequired } from '../../sync/engine.ts';
import { loadSession, saveSession, dropToken, hasValidToken, type StoredSession } from '../../sync/session.ts';
import { markRevoked, wipeIfDelivered } from '../../sync/revoke.ts';
import type { LoginPlan } from '../../security/login-plan.ts';
import { t } from '../i18n/index.ts';
import type { HttpMethod, ServerCall } from './context.ts';

export interface ServerDeps {
  db: FieldLogDb;
  /** The tests' fake; the real one otherwise. */
  api?: Api;
  deviceId: string;
  appVersion: string;
  now: () => number;
  /** Read the device again (gate, user, catalogue). */
  reload: () => Promise<void>;
  /** The server wants a new password first (after an admin's reset): remember it, and ask. */
  requirePasswordChange: () => Promise<void>;
}

export interface ServerServices {
  api: Api;
  sync: SyncController;
  callServer: ServerCall;
  /** POST /session, then what the device needs (login-plan.ts); a blocked plan throws its Swedish message. */
  signIn: (username: string, password: string) => Promise<{ session: StoredSession & { token: string }; plan: Exclude<LoginPlan, { kind: 'blocked' }> }>;
  /** What the login form shows for a failure anywhere in a login (the network, the server's refusal). */
  loginError: (e: unknown) => unknown;
  /** The catalogue for a session just stored (a first login has none). */
  fetchCatalogue: (token: string) => Promise<void>;
  /** POST /session/password; throws ApiFailure/NetworkFailure for the form to show. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  /** A recovery key the server has not confirmed yet; its failure stops nothing. */
  escrow: () => Promise<void>;
}

export function createServerServices(d: ServerDeps): ServerServices {
  const { db, deviceId, appVersion, now } = d;
  const api = d.api ?? createApi();

  /** Revoked: wipe once nothing waits in the outbox; until then the sync goes on pushing. */
  const onRevoked = async () => {
    await markRevoked(db, now());
    const outcome = await wipeIfDelivered(db, now());
    if (outcome.wiped) {
      sync.stop();
      await d.reload();
    }
  };

  const sync = new SyncController({
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
        // Reported done now; the records take their stamps meanwhile (engine.ts).
        else void foldAfterRun(db);
        return report;
      } catch (e) {
        // An expired session keeps every queued entry; they wait for the next login.
        if (isAuthFailure(e)) await dropToken();
        if (isPasswordChangeRequired(e)) await d.requirePasswordChange();
        throw e;
      }
    },
  });

  const callServer: ServerCall = async <T,>(method: HttpMethod, path: string, body?: unknown): Promise<T> => {
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
      if (isPasswordChangeRequired(e)) await d.requirePasswordChange();
      // The sync pushes what waits, then wipes (onRevoked).
      if (isDeviceRevoked(e)) void sync.trigger();
      throw e;
    }
  };

  const signIn: ServerServices['signIn'] = async (username, password) => {
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
    return { session, plan };
  };

  const fetchCatalogue = async (token: string) => {
    const cat = await api<Catalogue>('GET', '/catalogue', { token });
    if (cat.data) await saveCatalogue(db, cat.data, cat.etag);
  };

  /**
   * Sent with the api itself, not callServer: a wrong current password must not cost the
   * session. Then the catalogue, if a first login had none yet.
   */
  const changePassword = async (currentPassword: string, newPassword: string) => {
    const session = await loadSession();
    if (!hasValidToken(session, now())) throw new ApiFailure(401, 'session_expired', t.followUp.needsLogin);
    const body: ChangePasswordRequest = { currentPassword, newPassword };
    await api('POST', '/session/password', { token: session.token, body });
    await saveSession({ ...session, user: { ...session.user, mustChangePassword: false } });
    if (!(await loadCatalogue(db))) await fetchCatalogue(session.token);
  };

  const escrow = async () => {
    const session = await loadSession();
    if (hasValidToken(session, now())) await escrowPendingRecovery(api, session.token).catch(() => undefined);
  };

  const loginError = (e: unknown) => (e instanceof NetworkFailure ? new Error(t.login.offline) : e instanceof ApiFailure ? new Error(e.message) : e);

  return { api, sync, callServer, signIn, loginError, fetchCatalogue, changePassword, escrow };
}
