// The recovery key R on the server (PUT/GET /api/v1/devices/self/recovery-key, bound to
// the signed-in officer and the device the session was made on). R is sent once, right
// after the PIN is set; until the server has confirmed it, it waits in the keyring sealed
// with the data key and is sent again after the next unlock or sync.
import { open, sameSeal } from '../crypto/seal.ts';
import { requireDataKey } from '../crypto/keystore.ts';
import { fromBase64Url } from '../crypto/wrap.ts';
import { ApiFailure, type Api } from '../sync/api.ts';
import { loadKeyring, RECOVERY_AAD, saveKeyring } from './keyring.ts';

export const RECOVERY_PATH = '/devices/self/recovery-key';

export interface RecoveryKeyBody {
  /** 32 bytes, base64url without padding (43 characters). */
  recoveryKey: string;
}

/** Send R if it still waits. True when the server has it now. Throws the api's errors. */
export async function escrowPendingRecovery(api: Api, token: string): Promise<boolean> {
  const k = await loadKeyring();
  if (!k?.pendingRecovery) return false;
  const recoveryKey = await open<string>(requireDataKey(), k.pendingRecovery, RECOVERY_AAD, 'Återställningsnyckeln');
  await api('PUT', RECOVERY_PATH, { token, body: { recoveryKey } satisfies RecoveryKeyBody });
  const latest = await loadKeyring();
  if (latest && sameSeal(latest.pendingRecovery ?? undefined, k.pendingRecovery)) await saveKeyring({ ...latest, pendingRecovery: null });
  return true;
}

/** R for this officer and device, or null when the server has none (404). */
export async function fetchRecoveryKey(api: Api, token: string): Promise<Uint8Array | null> {
  try {
    const res = await api<RecoveryKeyBody>('GET', RECOVERY_PATH, { token });
    return fromBase64Url(res.data!.recoveryKey);
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    throw e;
  }
}
