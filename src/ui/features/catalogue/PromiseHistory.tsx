// A published period's versions, the one in force included: who changed it and when (online only).
import { useEffect, useState } from 'preact/hooks';
import type { PromiseHistoryResponse } from '../../../domain/admin.ts';
import { useServices } from '../../app/context.ts';
import { formatDateTime } from '../entries/format.ts';
import { t } from '../../i18n/index.ts';
import { catalogueApi } from './api.ts';

export function PromiseHistory({ id, version }: { id: string; version: number }) {
  const { callServer } = useServices();
  const [versions, setVersions] = useState<PromiseHistoryResponse['versions'] | null>(null);
  useEffect(() => {
    if (!callServer) return;
    let live = true;
    catalogueApi(callServer)
      .history(id)
      .then((v) => live && setVersions(v))
      .catch(() => live && setVersions(null));
    return () => {
      live = false;
    };
  }, [id, version]);
  return (
    <section class="history-section" aria-labelledby="history-title">
      <h2 id="history-title">{t.catalogue.history}</h2>
      {versions === null ? null : versions.length === 0 ? (
        <p class="hint">{t.catalogue.historyEmpty}</p>
      ) : (
        <ol class="history">
          {[...versions].sort((a, b) => b.version - a.version).map((v) => (
            <li key={v.version}>
              {t.catalogue.historyItem(v.version, formatDateTime(v.changedAt), v.changedBy)}
              {v.version === version && <strong> ({t.catalogue.historyCurrent})</strong>}
              <span class="hint"> – {v.promise.title}, {t.catalogue.period(v.promise.validFrom, v.promise.validTo)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
