// App-level sync status: how many entries wait, when the last sync succeeded, "Synka nu".
import { useEffect, useState } from 'preact/hooks';
import { countQueued, getMeta } from '../../db/index.ts';
import { LAST_SYNC_KEY } from '../../sync/meta-keys.ts';
import type { SyncStatus } from '../../sync/controller.ts';
import { useServices } from '../app/context.ts';
import { useLive } from '../hooks/useLive.ts';
import { formatDateTime } from '../features/entries/format.ts';
import { t } from '../i18n/index.ts';

export function SyncBar({ onLogin }: { onLogin: () => void }) {
  const { db, sync } = useServices();
  const [status, setStatus] = useState<SyncStatus | null>(sync?.getStatus() ?? null);
  useEffect(() => {
    if (!sync) return;
    // The controller arrives after the first render (Root): take its status as it is now.
    setStatus(sync.getStatus());
    return sync.subscribe(setStatus);
  }, [sync]);
  const data = useLive(async () => ({ queued: await countQueued(db), last: await getMeta<string>(db, LAST_SYNC_KEY) }), [db]);
  const queued = data?.queued ?? 0;
  const last = data?.last ?? status?.lastSuccessAt ?? null;
  const state = status?.state ?? 'idle';
  const headline = data === undefined ? '…' : queued > 0 ? t.sync.waiting(queued) : t.sync.allSent;
  const detail =
    state === 'syncing' ? t.sync.syncing : state === 'offline' ? t.sync.offline : state === 'needs_login' ? t.sync.needsLogin : state === 'error' ? `${t.sync.error}: ${status?.lastError ?? ''}` : last ? t.sync.last(formatDateTime(last)) : t.sync.never;
  // What a screen reader hears, politely, when it changes: the count and a problem (the
  // status region). Not "Synkar…" and not the time of each background sync, which would
  // speak every minute: that line is outside the region.
  const problem = state === 'offline' || state === 'needs_login' || state === 'error' ? detail : null;
  return (
    <div class={`sync-bar sync-bar-${state}`}>
      <div class="sync-text">
        <span class="sync-live" role="status">
          {/* Never claim "Allt skickat" before the outbox has been counted. */}
          <strong>{headline}</strong>
          {problem && <span class="sync-problem">{problem}</span>}
        </span>
        {!problem && <span>{detail}</span>}
      </div>
      {state === 'needs_login' ? (
        <button type="button" class="small" onClick={onLogin}>{t.login.submit}</button>
      ) : (
        <button type="button" class="small" disabled={!sync || state === 'syncing'} onClick={() => void sync?.trigger()}>
          {t.sync.now}
        </button>
      )}
    </div>
  );
}
