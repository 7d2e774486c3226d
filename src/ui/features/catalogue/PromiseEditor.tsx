// #/katalog/ny/<kommun> and #/katalog/period/<id>: finds the period (from the list just
// fetched, the server, or the device's published copy offline) and opens the form.
import { useEffect, useState } from 'preact/hooks';
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href } from '../../app/router.ts';
import { t } from '../../i18n/index.ts';
import { catalogueApi } from './api.ts';
import { knownPeriod, rememberPeriods } from './store.ts';
import { PromiseForm } from './PromiseForm.tsx';

export function NewPromise({ kommunId }: { kommunId: string }) {
  return (
    <section aria-labelledby="editor-title" class="editor">
      <a href={href({ name: 'catalogue' })} class="back-link">← {t.catalogue.back}</a>
      <PromiseForm base={null} kommunId={kommunId} />
    </section>
  );
}

export function EditPromise({ id }: { id: string }) {
  const { callServer } = useServices();
  const { catalogue } = useAppState();
  const [base, setBase] = useState<CitizenPromise | null | undefined>(() => knownPeriod(id));
  // A saved correction or publish replaces the form's base: a new mount starts from it.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (base !== undefined) return;
    let live = true;
    const local = catalogue.promises.find((p) => p.id === id) ?? null;
    if (!callServer) {
      setBase(local);
      return;
    }
    catalogueApi(callServer)
      .list()
      .then((list) => {
        rememberPeriods(list);
        if (live) setBase(list.find((p) => p.id === id) ?? null);
      })
      .catch(() => live && setBase(local));
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <section aria-labelledby="editor-title" class="editor">
      <a href={href({ name: 'catalogue' })} class="back-link">← {t.catalogue.back}</a>
      {base === undefined ? (
        <p aria-busy="true">{t.catalogue.loading}</p>
      ) : base === null ? (
        <p class="empty-state">{t.catalogue.notFound}</p>
      ) : (
        <PromiseForm
          key={`${base.id}:${base.version}:${base.status}:${generation}`}
          base={base}
          kommunId={base.kommunId}
          onSaved={(p) => {
            rememberPeriods([p]);
            setBase(p);
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </section>
  );
}
