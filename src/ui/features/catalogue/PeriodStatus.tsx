// A period's status as chips: Utkast / Publicerad (version n), and "exempel" for demo data.
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import { t } from '../../i18n/index.ts';

export function PeriodStatus({ promise }: { promise: CitizenPromise }) {
  return (
    <span class="period-status">
      <span class={`status-chip period-chip-${promise.status}`}>{t.catalogue.status[promise.status]}</span>
      {promise.status === 'published' && promise.version > 1 && <span class="hint">{t.catalogue.version(promise.version)}</span>}
      {promise.example && <span class="badge">{t.catalogue.example}</span>}
    </span>
  );
}
