// The area's periods (drafts and published) from the server, or the device's published
// copy when the network is away, so the list never waits on a spinner offline.
import { useEffect, useState } from 'preact/hooks';
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import { NetworkFailure } from '../../../sync/api.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { catalogueApi } from './api.ts';
import { knownPeriods, rememberPeriods } from './store.ts';

export interface PeriodsState {
  periods: CitizenPromise[] | null;
  /** From the device's catalogue: published periods only. */
  local: boolean;
  error: string | null;
  reload: () => void;
}

export function usePeriods(): PeriodsState {
  const { callServer } = useServices();
  const { catalogue, user } = useAppState();
  const mine = (list: readonly CitizenPromise[]) => list.filter((p) => user.kommunIds.includes(p.kommunId));
  const cached = knownPeriods();
  const [state, setState] = useState<Omit<PeriodsState, 'reload'>>({ periods: cached.length > 0 ? mine(cached) : null, local: false, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const fallback = (error: string | null) => live && setState({ periods: mine(catalogue.promises), local: true, error });
    if (!callServer) {
      fallback(null);
      return;
    }
    catalogueApi(callServer)
      .list()
      .then((list) => {
        rememberPeriods(list);
        if (live) setState({ periods: mine(list), local: false, error: null });
      })
      .catch((e: unknown) => fallback(e instanceof NetworkFailure ? null : e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [callServer, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
