// Unsent work as a shift lead sees it: per device, how much waits and since when.
import type { DeviceStatus } from '../sync.ts';

/** One shift; queued work older than this has outlived the shift it was logged in. */
export const SHIFT_MS = 10 * 60 * 60_000;

/** How long the oldest queued change has waited, measured to now (not to the last sync). */
export function oldestQueuedAgeMs(device: Pick<DeviceStatus, 'oldestQueuedAt' | 'queuedCount'>, nowMs: number): number | null {
  if (device.queuedCount === 0 || device.oldestQueuedAt === null) return null;
  return Math.max(0, nowMs - Date.parse(device.oldestQueuedAt));
}

export function isOverdue(device: Pick<DeviceStatus, 'oldestQueuedAt' | 'queuedCount'>, nowMs: number): boolean {
  const age = oldestQueuedAgeMs(device, nowMs);
  return age !== null && age > SHIFT_MS;
}
