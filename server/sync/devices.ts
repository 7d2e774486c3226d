// What each device last told the server: who used it, when it last synced, how much
// it still has queued. Lets a shift lead see a phone that has not synced for days.
import type { DeviceHeartbeat, DeviceStatus } from '../../src/domain/sync.ts';
import type { Queryable } from '../db/db.ts';

/** Who used the device before this heartbeat: `known` false for a device the server had never seen. */
export interface DeviceBefore {
  known: boolean;
  userId: string | null;
}

export async function upsertDevice(q: Queryable, userId: string, deviceId: string, hb: DeviceHeartbeat, ip: string, nowMs: number): Promise<DeviceBefore> {
  // The CTE reads the row as it was before this statement's upsert.
  const [row] = await q.query<{ before_user: string | null; known: boolean }>(
    `WITH before AS (SELECT user_id FROM devices WHERE device_id = $1),
     up AS (
       INSERT INTO devices (device_id, user_id, last_seen_at, queued_count, oldest_queued_at, app_version, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (device_id) DO UPDATE SET user_id = EXCLUDED.user_id, last_seen_at = EXCLUDED.last_seen_at,
         queued_count = EXCLUDED.queued_count, oldest_queued_at = EXCLUDED.oldest_queued_at,
         app_version = EXCLUDED.app_version, ip = EXCLUDED.ip)
     SELECT (SELECT user_id FROM before) AS before_user, EXISTS (SELECT 1 FROM before) AS known`,
    [deviceId, userId, new Date(nowMs), hb.queuedCount, hb.oldestQueuedAt ? new Date(hb.oldestQueuedAt) : null, hb.appVersion, ip],
  );
  return { known: row?.known ?? false, userId: row?.before_user ?? null };
}

export async function isDeviceRevoked(q: Queryable, deviceId: string): Promise<boolean> {
  const [row] = await q.query('SELECT 1 FROM devices WHERE device_id = $1 AND revoked_at IS NOT NULL', [deviceId]);
  return row !== undefined;
}

export interface DeviceRow {
  device_id: string;
  user_id: string;
  username: string;
  display_name: string;
  last_seen_at: Date;
  queued_count: number;
  oldest_queued_at: Date | null;
  app_version: string;
}
export const DEVICE_COLUMNS = 'd.device_id, d.user_id, u.username, u.display_name, d.last_seen_at, d.queued_count, d.oldest_queued_at, d.app_version';

export async function listDevices(q: Queryable, policeAreaId: string): Promise<DeviceStatus[]> {
  const rows = await q.query<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS}
     FROM devices d JOIN users u ON u.id = d.user_id
     WHERE u.police_area_id = $1 ORDER BY d.last_seen_at DESC, d.device_id`,
    [policeAreaId],
  );
  return rows.map(toDeviceStatus);
}

export function toDeviceStatus(r: DeviceRow): DeviceStatus {
  return {
    deviceId: r.device_id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    lastSeenAt: r.last_seen_at.toISOString(),
    queuedCount: r.queued_count,
    oldestQueuedAt: r.oldest_queued_at?.toISOString() ?? null,
    oldestQueuedAgeSeconds: r.oldest_queued_at ? Math.max(0, Math.round((r.last_seen_at.getTime() - r.oldest_queued_at.getTime()) / 1000)) : null,
    appVersion: r.app_version,
  };
}
