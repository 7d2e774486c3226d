// A kommun's tallies for a period, computed on the device from IndexedDB (so they work
// offline) and recomputed whenever an entry or a completion changes, also by a sync.
import { computeTallies, loadCompletions } from '../../../db/index.ts';
import type { LocalDate } from '../../../domain/calendar.ts';
import type { ActivityCompletion } from '../../../domain/tallies/completions.ts';
import type { KommunTallies } from '../../../domain/tallies/tally.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { useLive } from '../../hooks/useLive.ts';
import { tallyRequest, type ResolvedPeriod } from './periods.ts';

export interface TalliesData {
  /** What the figures are for, so a screen never shows one kommun's figures under another's name. */
  key: string;
  tallies: KommunTallies;
  completions: ActivityCompletion[];
}

export function useTallies(kommunId: string, period: ResolvedPeriod | null, today: LocalDate): TalliesData | null | undefined {
  const { db } = useServices();
  const { catalogue } = useAppState();
  const key = `${kommunId}|${period?.key}|${period?.by ?? ''}|${today}`;
  const data = useLive(async () => {
    if (!period) return null;
    const completions = (await loadCompletions(db))?.completions ?? [];
    const tallies = await computeTallies(db, catalogue, tallyRequest(kommunId, period), today, completions);
    return { key, tallies, completions };
  }, [db, catalogue, key]);
  if (data === null) return null;
  return data?.key === key ? data : undefined;
}
