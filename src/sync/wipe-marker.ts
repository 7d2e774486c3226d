// Whether this device wiped itself after an admin revoked it (revoke.ts), kept in
// idb-keyval after the wipe so the app says why it is empty, also after a reload. Its own
// module: the start reads it before anything else, without the database layer.
import { del, get } from 'idb-keyval';

export const WIPED_KEY = 'deviceWipedAt';

export async function wipedAt(): Promise<string | null> {
  return (await get<string>(WIPED_KEY)) ?? null;
}

/** "Logga in på nytt": the device starts over as a new one. */
export async function forgetWipe(): Promise<void> {
  await del(WIPED_KEY);
}
