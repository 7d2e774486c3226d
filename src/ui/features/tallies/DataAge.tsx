// "Data per <last sync>" and, offline, a plain statement that the figures are from the
// last sync: a shift lead must never mistake a stale phone for the current state.
// For figures from the server (an officer's dashboard) the time is the server's
// generatedAt of the kept answer instead.
import { getMeta } from '../../../db/index.ts';
import { LAST_SYNC_KEY } from '../../../sync/meta-keys.ts';
import { useServices } from '../../app/context.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { formatDateTime } from '../entries/format.ts';
import { t } from '../../i18n/index.ts';

export function useLastSync(): string | null | undefined {
  const { db } = useServices();
  return useLive(async () => (await getMeta<string>(db, LAST_SYNC_KEY)) ?? null, [db]);
}

/** `server`: the figures are the server's, computed at generatedAt (ISO UTC); null while none is shown. */
export function DataAge({ server }: { server?: { generatedAt: string } | null }) {
  const last = useLastSync();
  const online = useOnline();
  if (server !== undefined) {
    return (
      <div class="data-age">
        {server && <p class="hint">{t.followUp.dataPer(formatDateTime(server.generatedAt))}</p>}
        {!online && server && <OfflineMark text={t.followUp.offlineServer} />}
      </div>
    );
  }
  return (
    <div class="data-age">
      <p class="hint">{last ? t.followUp.dataPer(formatDateTime(last)) : last === null ? t.followUp.dataNever : '…'}</p>
      {!online && <OfflineMark text={t.followUp.offline} />}
    </div>
  );
}

function OfflineMark({ text }: { text: string }) {
  return (
    <p class="offline-mark" role="status">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}
