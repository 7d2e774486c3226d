// The periods last fetched from the server, kept in memory so that opening one from the
// list needs no second request, and so the list shows at once when coming back.
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';

const periods = new Map<string, CitizenPromise>();

export function rememberPeriods(list: readonly CitizenPromise[]): void {
  for (const p of list) periods.set(p.id, p);
}

export function forgetPeriod(id: string): void {
  periods.delete(id);
}

export function knownPeriod(id: string): CitizenPromise | undefined {
  return periods.get(id);
}

export function knownPeriods(): CitizenPromise[] {
  return [...periods.values()];
}

/** Newest first: by start date, then drafts before published. */
export function byPeriod(a: CitizenPromise, b: CitizenPromise): number {
  return a.validFrom === b.validFrom ? (a.status === 'draft' ? -1 : 1) : a.validFrom < b.validFrom ? 1 : -1;
}
