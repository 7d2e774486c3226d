// How much of the device's storage the app uses, and whether the browser may evict it.
import { useEffect, useState } from 'preact/hooks';
import { nearlyFull, storageStatus, type StorageStatus } from '../../pwa/storage.ts';
import { t } from '../i18n/index.ts';

const bytes = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
function size(n: number | null): string {
  if (n === null) return t.storage.unknown;
  if (n >= 1024 ** 3) return `${bytes.format(n / 1024 ** 3)} GB`;
  return `${bytes.format(n / 1024 ** 2)} MB`;
}

export function StoragePanel() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => void storageStatus().then(setStatus), []);
  if (!status) return null;
  return (
    <section aria-labelledby="storage-title" class="storage">
      <h2 id="storage-title">{t.storage.title}</h2>
      <p>{t.storage.used(size(status.usedBytes), size(status.quotaBytes))}</p>
      {status.persisted ? <p class="hint">{t.storage.persisted}</p> : <p class="notice">{t.storage.notPersisted}</p>}
      {nearlyFull(status) && <p class="error" role="alert">{t.storage.nearlyFull}</p>}
    </section>
  );
}
