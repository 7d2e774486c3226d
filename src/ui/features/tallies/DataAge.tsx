// "Data per <last sync>" and, offline, a plain statement that the figures are from the
// last sync: a shift lead must never mistake a stale phone for the current state.
import { getMeta } from '../../../db/index.ts';
import { LAST_SYNC_KEY } from '../../../sync/engine.ts';
import { useServices } from '../../app/context.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { formatDateTime } from '../entries/format.ts';
import { t } from '../../i18n/sv.ts';

export function useLastSync(): string | null | undefined {
  const { db } = useServices();
  return useLive(async () => (await getMeta<string>(db, LAST_SYNC_KEY)) ?? null, [db]);
}

export function DataAge() {
  const last = useLastSync();
  const online = useOnline();
  return (
    <div class="data-age">
      <p class="hint">{last ? t.followUp.dataPer(formatDateTime(last)) : last === null ? t.followUp.dataNever : '…'}</p>
      {!online && (
        <p class="offline-mark" role="status">
          <span aria-hidden="true">⚠ </span>
          {t.followUp.offline}
        </p>
      )}
    </div>
  );
}
