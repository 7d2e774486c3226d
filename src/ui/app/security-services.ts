// What "Säkerhet" in Mer can do (features/security/context.ts), built by Root.
import { setDataKey } from '../../crypto/keystore.ts';
import type { FieldLogDb } from '../../db/index.ts';
import { changeKeyringPin, loadKeyring, type KdfOptions } from '../../security/keyring.ts';
import { saveLockTimes, type LockTimes } from '../../security/lock-times.ts';
import type { SecurityServices } from '../features/security/context.ts';
import type { ServerServices } from './server-services.ts';

interface Deps {
  db: FieldLogDb;
  /** The api and the sync (server-services.ts, loaded after the first render). */
  server: () => Promise<ServerServices>;
  now: () => number;
  kdf: KdfOptions | undefined;
  lockTimes: LockTimes;
  setLockTimes: (times: LockTimes) => void;
  lockNow: () => void;
  /** After a logout that wiped the device: show the login. */
  afterLogout: () => Promise<void>;
}

export function securityServices(d: Deps): SecurityServices {
  return {
    lockTimes: d.lockTimes,
    setLockTimes: async (times) => {
      await saveLockTimes(times);
      d.setLockTimes(times);
    },
    lockNow: d.lockNow,
    changePin: async (currentPin, newPin) => {
      const k = await loadKeyring();
      if (k) setDataKey(await changeKeyringPin(k, currentPin, newPin, d.kdf));
    },
    logout: async (confirmLoss) => {
      const [{ logout }, server] = await Promise.all([import('../../security/logout.ts'), d.server()]);
      const result = await logout({ db: d.db, api: server.api, now: d.now, syncNow: () => server.sync.trigger() }, confirmLoss);
      if (result.kind === 'done') await d.afterLogout();
      return result;
    },
    online: () => navigator.onLine,
  };
}
