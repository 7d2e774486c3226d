// The area's devices as the server last heard from them (GET /api/v1/devices), kept on the
// device with the time they were fetched, so that the unsent-work panel works offline
// and says how old its picture is.
import { getMeta, setMeta, type FieldLogDb } from '../../../db/index.ts';
import type { DeviceStatus, DevicesResponse } from '../../../domain/sync.ts';
import { isOverdue, oldestQueuedAgeMs } from '../../../domain/tallies/unsent.ts';
import type { ServerCall } from '../../app/context.ts';

export const DEVICES_KEY = 'devicesCache';

export interface DevicesCache {
  fetchedAt: string;
  devices: DeviceStatus[];
}

export function loadDevices(db: FieldLogDb): Promise<DevicesCache | undefined> {
  return getMeta<DevicesCache>(db, DEVICES_KEY);
}

export async function refreshDevices(db: FieldLogDb, callServer: ServerCall, nowMs: number): Promise<DevicesCache> {
  const res = await callServer<DevicesResponse>('GET', '/devices');
  const cache: DevicesCache = { fetchedAt: new Date(nowMs).toISOString(), devices: res.devices };
  await setMeta(db, DEVICES_KEY, cache);
  return cache;
}

export interface UnsentRow {
  device: DeviceStatus;
  ageMs: number | null;
  overdue: boolean;
}

/** Devices with queued work, longest waiting first; this device is left out (its own queue is shown live). */
export function unsentRows(devices: readonly DeviceStatus[], thisDeviceId: string, nowMs: number): { waiting: UnsentRow[]; clear: number } {
  const others = devices.filter((d) => d.deviceId !== thisDeviceId);
  const waiting = others
    .filter((d) => d.queuedCount > 0)
    .map((device) => ({ device, ageMs: oldestQueuedAgeMs(device, nowMs), overdue: isOverdue(device, nowMs) }))
    .sort((a, b) => (b.ageMs ?? 0) - (a.ageMs ?? 0));
  return { waiting, clear: others.length - waiting.length };
}
