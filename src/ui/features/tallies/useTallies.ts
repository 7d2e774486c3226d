// A kommun's tallies for a period, from one of two sources; the dashboard shows either
// with the same cards.
// - Device (shift leads, coordinators): their device pulls the whole area, so the figures
//   are computed from IndexedDB (so they work offline) and recomputed whenever an entry or
//   a completion changes, also by a sync.
// - Server (officers): their device holds only their own entries, so the area's figures
//   come from GET /api/v1/tallies. The last answer per (kommun, from, to, by) is kept in
//   the meta table, so the dashboard works offline from that copy, dated by generatedAt.
import { useEffect, useState } from 'preact/hooks';
import { getMeta, loadCompletions, setMeta } from '../../../db/index.ts';
import { computeTallies } from '../../../db/tally-queries.ts';
import type { LocalDate } from '../../../domain/calendar.ts';
import type { TalliesResponse } from '../../../domain/sync.ts';
import type { ActivityCompletion } from '../../../domain/tallies/completions.ts';
import type { TallyRequest } from '../../../domain/tallies/plan.ts';
import type { KommunTallies } from '../../../domain/tallies/tally.ts';
import { ApiFailure } from '../../../sync/api.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { seesWholeArea } from './roles.ts';
import { tallyRequest, type ResolvedPeriod } from './periods.ts';

export interface TalliesData {
  /** What the figures are for, so a screen never shows one kommun's figures under another's name. */
  key: string;
  tallies: KommunTallies;
  completions: ActivityCompletion[];
  /** Device: computed here from pulled data. Server: the server's answer, computed at generatedAt (ISO UTC). */
  source: { kind: 'device' } | { kind: 'server'; generatedAt: string; refreshFailed: boolean };
}

/** Server figures that cannot be shown: none kept and offline, or the server refused. */
export interface TalliesUnavailable {
  key: string;
  unavailable: 'offline' | 'failed';
  message?: string;
}

export type TalliesResult = TalliesData | TalliesUnavailable | null | undefined;

export const isUnavailable = (r: TalliesResult): r is TalliesUnavailable => !!r && 'unavailable' in r;

/** Whose figures the dashboard shows: the device's own tally, or the server's. */
export function useTallies(kommunId: string, period: ResolvedPeriod | null, today: LocalDate): TalliesResult {
  const { user } = useAppState();
  const fromServer = !seesWholeArea(user);
  // Both hooks are always called (hook order), the unused one idles.
  const device = useDeviceTallies(kommunId, fromServer ? null : period, today);
  const server = useServerTallies(kommunId, fromServer ? period : null, today);
  return fromServer ? server : device;
}

const keyOf = (kommunId: string, period: ResolvedPeriod | null, today: LocalDate) => `${kommunId}|${period?.key}|${period?.by ?? ''}|${today}`;

function useDeviceTallies(kommunId: string, period: ResolvedPeriod | null, today: LocalDate): TalliesResult {
  const { db } = useServices();
  const { catalogue } = useAppState();
  const key = keyOf(kommunId, period, today);
  const data = useLive(async () => {
    if (!period) return null;
    const completions = (await loadCompletions(db))?.completions ?? [];
    const tallies = await computeTallies(db, catalogue, tallyRequest(kommunId, period), today, completions);
    return { key, tallies, completions, source: { kind: 'device' as const } };
  }, [db, catalogue, key]);
  if (data === null) return null;
  return data?.key === key ? data : undefined;
}

/** The meta key of the kept server answer for a request. */
export function serverTalliesKey(request: TallyRequest): string {
  return `tallies:${request.kommunId}|${request.from}|${request.to}|${request.by ?? ''}`;
}

export function talliesPath(request: TallyRequest): string {
  const q = new URLSearchParams({ kommun: request.kommunId, from: request.from, to: request.to });
  if (request.by) q.set('by', request.by);
  return `/tallies?${q.toString()}`;
}

type Fetch = { key: string; state: 'loading' | 'done' } | { key: string; state: 'failed'; error: unknown };

function useServerTallies(kommunId: string, period: ResolvedPeriod | null, today: LocalDate): TalliesResult {
  const { db, callServer } = useServices();
  const online = useOnline();
  const key = keyOf(kommunId, period, today);
  const request = period ? tallyRequest(kommunId, period) : null;
  const metaKey = request ? serverTalliesKey(request) : '';
  const [fetched, setFetched] = useState<Fetch | null>(null);

  // The kept copy (live: it updates as soon as a fresh answer is stored), and the completions
  // the sync keeps for the area (the cards list them under kommun-owned activities).
  const kept = useLive(async () => {
    if (!request) return null;
    const [answer, completions] = await Promise.all([getMeta<TalliesResponse>(db, metaKey), loadCompletions(db)]);
    return { key, answer: answer ?? null, completions: completions?.completions ?? [] };
  }, [db, key]);

  // Ask the server whenever the request changes or the device comes back online.
  useEffect(() => {
    if (!request || !online || !callServer) return;
    let live = true;
    setFetched({ key, state: 'loading' });
    callServer<TalliesResponse>('GET', talliesPath(request))
      .then(async (answer) => {
        await setMeta(db, metaKey, answer);
        if (live) setFetched({ key, state: 'done' });
      })
      .catch((error: unknown) => live && setFetched({ key, state: 'failed', error }));
    return () => {
      live = false;
    };
  }, [db, callServer, key, online]);

  if (!request) return null;
  if (kept?.key !== key) return undefined;
  const attempt = fetched?.key === key ? fetched : null;
  if (kept.answer) {
    return {
      key,
      tallies: kept.answer.tallies,
      completions: kept.completions,
      source: { kind: 'server', generatedAt: kept.answer.generatedAt, refreshFailed: attempt?.state === 'failed' && online },
    };
  }
  if (!online || !callServer) return { key, unavailable: 'offline' };
  if (attempt?.state === 'failed') {
    // A refused request says why; an unreachable server is the same as being offline.
    return attempt.error instanceof ApiFailure ? { key, unavailable: 'failed', message: attempt.error.message } : { key, unavailable: 'offline' };
  }
  return undefined;
}
