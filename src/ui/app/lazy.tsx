// Screens other than logging load on first visit, so the log screen starts with less
// JavaScript. The service worker precaches every chunk, so this works offline too.
import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

type Loader<P> = () => Promise<ComponentType<P>>;

export function lazyScreen<P extends object>(load: Loader<P>): FunctionComponent<P> & { preload(): Promise<void> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () => (pending ??= load().then((c) => (loaded = c)).catch((e: unknown) => {
    // A failed fetch (first visit, offline before the worker cached the chunk) may be retried.
    pending = null;
    throw e;
  }));

  function LazyScreen(props: P) {
    const [, setVersion] = useState(0);
    const [failed, setFailed] = useState(false);
    const attempt = () => {
      setFailed(false);
      fetchOnce().then(() => setVersion((v) => v + 1), () => setFailed(true));
    };
    useEffect(() => {
      if (!loaded) attempt();
    }, []);
    if (loaded) return h(loaded, props);
    if (failed) {
      return (
        <div class="empty-state" role="alert">
          <p>{t.lazy.failed}</p>
          <button type="button" class="secondary" onClick={attempt}>{t.lazy.retry}</button>
        </div>
      );
    }
    return <p class="loading" aria-busy="true">{t.lazy.loading}</p>;
  }
  return Object.assign(LazyScreen, { preload: () => fetchOnce().then(() => undefined) });
}
