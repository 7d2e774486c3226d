// "Löften": per kommun of the area, its periods with status, "Ny period", and "Förnya"
// on the latest published period (a draft for the next period, opened at once).
import { useState } from 'preact/hooks';
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href, navigate } from '../../app/router.ts';
import { useToast } from '../../components/Toast.tsx';
import { t } from '../../i18n/index.ts';
import { catalogueApi } from './api.ts';
import { failureToPathErrors } from './errors.ts';
import { emptyDraft } from './model.ts';
import { byPeriod, rememberPeriods } from './store.ts';
import { usePeriods } from './usePeriods.ts';
import { PeriodStatus } from './PeriodStatus.tsx';

export function CatalogueScreen() {
  const { catalogue, user } = useAppState();
  const { periods, local, error } = usePeriods();
  const kommuner = catalogue.kommuner.filter((k) => user.kommunIds.includes(k.id));
  return (
    <section aria-labelledby="catalogue-title" class="catalogue">
      <h1 id="catalogue-title">{t.catalogue.title}</h1>
      <p class="hint">{t.catalogue.intro}</p>
      {local && (
        <p class="offline-mark">
          <span aria-hidden="true">⚠ </span>
          {t.catalogue.offlineList}
        </p>
      )}
      {error && <p class="error-summary" role="alert">{t.catalogue.loadFailed(error)}</p>}
      {periods === null ? (
        <p aria-busy="true">{t.catalogue.loading}</p>
      ) : (
        kommuner.map((k) => <KommunPeriods key={k.id} kommunId={k.id} name={k.name} periods={periods.filter((p) => p.kommunId === k.id).sort(byPeriod)} canEdit={!local} />)
      )}
    </section>
  );
}

function KommunPeriods({ kommunId, name, periods, canEdit }: { kommunId: string; name: string; periods: CitizenPromise[]; canEdit: boolean }) {
  const { callServer } = useServices();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = periods.filter((p) => p.status === 'published').reduce<CitizenPromise | null>((best, p) => (!best || p.validTo > best.validTo ? p : best), null);
  const headingId = `kommun-${kommunId}`;

  const renew = async (p: CitizenPromise) => {
    if (!callServer) return;
    setBusy(true);
    setError(null);
    try {
      const draft = await catalogueApi(callServer).renew(p.id);
      rememberPeriods([draft]);
      // Navigate first: a toast ends when the screen changes.
      navigate({ name: 'promise', id: draft.id });
      toast({ text: t.catalogue.renewed });
    } catch (e) {
      setError(failureToPathErrors(e, emptyDraft(kommunId, p.validFrom)).form.join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="kommun-periods" aria-labelledby={headingId}>
      <div class="section-head">
        <h2 id={headingId}>{name}</h2>
        {canEdit && (
          <a class="button" href={href({ name: 'promiseNew', kommunId })} aria-label={t.catalogue.newPeriodFor(name)}>
            {t.catalogue.newPeriod}
          </a>
        )}
      </div>
      {periods.length === 0 ? (
        <p class="hint">{t.catalogue.none}</p>
      ) : (
        <ul class="period-list">
          {periods.map((p) => (
            <li key={p.id} class={`period-row period-${p.status}`}>
              <a href={href({ name: 'promise', id: p.id })} class="period-link">
                <strong>{p.title}</strong>
                <span class="period-dates">{t.catalogue.period(p.validFrom, p.validTo)}</span>
                <PeriodStatus promise={p} />
              </a>
              {canEdit && p === latest && (
                <button type="button" class="small" disabled={busy} aria-label={t.catalogue.renewFor(`${name} ${p.title}`)} onClick={() => void renew(p)}>
                  {t.catalogue.renew}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && latest && <p class="hint">{t.catalogue.renewHelp}</p>}
      {error && <p class="error-summary" role="alert">{error}</p>}
    </section>
  );
}
