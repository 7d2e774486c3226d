// DEMO DATA ONLY. Every real promise in the seed catalogue ended by 2024, so a fresh
// install would have nothing to log against. For demonstrations the app can add, per
// kommun, an "exempel" period 2025–2026 copied from that kommun's latest real promise.
// These are NOT real medborgarlöften: no kommun signed them. They carry example: true
// so that the UI labels them and reports can leave them out.
import type { Catalogue, CitizenPromise } from './types.ts';
import { promisesOf } from './lookup.ts';
import { renewPromise } from './renew.ts';

export const EXAMPLE_PERIOD = { validFrom: '2025-01-01', validTo: '2026-12-31' } as const;

/** A new catalogue with one published example period per kommun that has a real promise. */
export function withExamples(catalogue: Catalogue): Catalogue {
  const examples: CitizenPromise[] = [];
  for (const kommun of catalogue.kommuner) {
    const id = `${kommun.id}-2025-exempel`;
    if (catalogue.promises.some((p) => p.id === id)) continue; // already added
    const latestReal = promisesOf(catalogue, kommun.id).find((p) => !p.example);
    if (!latestReal) continue;
    examples.push(
      renewPromise(latestReal, {
        id,
        validFrom: EXAMPLE_PERIOD.validFrom,
        validTo: EXAMPLE_PERIOD.validTo,
        signedOn: null,
        title: 'Medborgarlöfte 2025–2026 (exempel)',
        example: true,
        status: 'published',
      }),
    );
  }
  return { ...catalogue, promises: [...catalogue.promises, ...examples] };
}
