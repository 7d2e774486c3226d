// Who has unsent work: per officer and device, how many entries wait and for how long,
// with a warning past one shift. From the devices' heartbeats on the server when online,
// else from the last answer kept on this device; this device's own queue is always live.
import { useEffect, useState } from 'preact/hooks';
import { countQueued, oldestQueuedAt } from '../../../db/index.ts';
import { isOverdue, oldestQueuedAgeMs } from '../../../domain/tallies/unsent.ts';
import { ApiFailure, NetworkFailure } from '../../../sync/api.ts';
import { useServices } from '../../app/context.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { formatDateTime } from '../entries/format.ts';
import { t } from '../../i18n/index.ts';
import { loadDevices, refreshDevices, unsentRows } from './devices.ts';

const u = t.unsent;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;
/** A device's UUID shortened to its first block (enough to tell a few phones apart); other ids as they are. */
const shortDeviceId = (id: string) => (UUID.test(id) ? id.slice(0, 8) : id);

function Waiting({ name, queued, ageMs, overdue, lastSeen }: { name: string; queued: number; ageMs: number | null; overdue: boolean; lastSeen?: string }) {
  return (
    <li class={`unsent-row${overdue ? ' overdue' : ''}`}>
      <strong>{name}</strong>
      <span>
        {u.queued(queued)}
        {ageMs !== null && ` · ${u.oldest(u.age(ageMs))}`}
      </span>
      {overdue && (
        <span class="warn-text">
          <span aria-hidden="true">⚠ </span>
          {u.overdue}
        </span>
      )}
      {lastSeen && <span class="hint">{u.lastSeen(formatDateTime(lastSeen))}</span>}
    </li>
  );
}

export function UnsentPanel() {
  const { db, now, deviceId, callServer } = useServices();
  const online = useOnline();
  const [error, setError] = useState<string | null>(null);
  const cache = useLive(async () => (await loadDevices(db)) ?? null, [db]);
  const own = useLive(async () => ({ queuedCount: await countQueued(db), oldestQueuedAt: await oldestQueuedAt(db) }), [db]);

  const refresh = async () => {
    if (!callServer) return;
    try {
      await refreshDevices(db, callServer, now());
      setError(null);
    } catch (e) {
      if (e instanceof NetworkFailure || e instanceof ApiFailure) setError(e.message);
      else throw e;
    }
  };
  useEffect(() => {
    if (online) void refresh();
  }, [online, callServer]);

  const nowMs = now();
  const rows = cache ? unsentRows(cache.devices, deviceId, nowMs) : null;
  const ownOverdue = own ? isOverdue(own, nowMs) : false;
  const anyOverdue = ownOverdue || (rows?.waiting.some((r) => r.overdue) ?? false);
  const waitingDevices = (rows?.waiting.length ?? 0) + (own && own.queuedCount > 0 ? 1 : 0);
  return (
    // Closed by default so the figures come first; the summary carries the count and the warning.
    <details class="unsent">
      <summary>
        {u.title}: {u.summary(waitingDevices)}
        {anyOverdue && (
          <span class="warn-text">
            {' '}
            <span aria-hidden="true">⚠ </span>
            {u.overdue}
          </span>
        )}
      </summary>
      <ul class="unsent-list">
        {own && own.queuedCount > 0 ? (
          <Waiting name={u.thisDevice} queued={own.queuedCount} ageMs={oldestQueuedAgeMs(own, nowMs)} overdue={ownOverdue} />
        ) : (
          <li class="unsent-row">
            <strong>{u.thisDevice}</strong>
            <span>{u.thisDeviceNone}</span>
          </li>
        )}
        {rows?.waiting.map((r) => (
          <Waiting
            key={r.device.deviceId}
            name={`${r.device.displayName} · ${u.device(shortDeviceId(r.device.deviceId))}`}
            queued={r.device.queuedCount}
            ageMs={r.ageMs}
            overdue={r.overdue}
            lastSeen={r.device.lastSeenAt}
          />
        ))}
      </ul>
      {rows && rows.clear > 0 && <p class="hint">{u.allSent(rows.clear)}</p>}
      <p class="hint">
        {cache ? u.fetched(formatDateTime(cache.fetchedAt), Math.max(0, nowMs - Date.parse(cache.fetchedAt))) : cache === null ? u.never : '…'}
      </p>
      {!online && cache && <p class="hint">{u.stale}</p>}
      {error && <p class="error">{u.failed(error)}</p>}
      {online && callServer && (
        <button type="button" onClick={() => void refresh()}>{u.refresh}</button>
      )}
    </details>
  );
}
