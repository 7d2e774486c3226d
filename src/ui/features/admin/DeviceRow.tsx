// One device of a user: last sync, what waits and for how long, revoked or "Spärra".
import type { AdminDevice } from '../../../domain/admin.ts';
import { Confirm } from '../../components/Confirm.tsx';
import { formatDateTime } from '../entries/format.ts';
import { t } from '../../i18n/index.ts';

export function DeviceRow({ device, onRevoke }: { device: AdminDevice; onRevoke: () => Promise<void> }) {
  return (
    <li class={`device-row${device.revokedAt ? ' revoked' : ''}`}>
      <span class="device-name">{t.admin.device(device.deviceId)}</span>
      <span class="hint">
        {t.admin.lastSync(formatDateTime(device.lastSeenAt))} · {t.admin.queued(device.queuedCount)}
        {device.oldestQueuedAgeSeconds !== null && device.queuedCount > 0 && ` (${t.admin.oldest(t.unsent.age(device.oldestQueuedAgeSeconds * 1000))})`}
      </span>
      {device.revokedAt ? (
        <span class="warn-text">{t.admin.revoked(formatDateTime(device.revokedAt))}</span>
      ) : (
        <Confirm label={t.admin.revoke} ariaLabel={t.admin.revokeNamed(device.deviceId)} question={t.admin.revokeConfirm} yes={t.admin.revokeYes} danger onConfirm={onRevoke} />
      )}
    </li>
  );
}
