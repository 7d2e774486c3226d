// The outcomes a tally sums besides the number of entries: what the promises are
// about (vehicles checked, drug offences among people 21 or younger, persons taken
// into custody under LOB). Each outcome is one field of an entry kind's details, so
// the device sums it from stored heads and the server with one SQL aggregate per field.
import type { EntryKind } from '../catalogue/types.ts';
import type { EntryContent } from '../entry.ts';

export interface OutcomeField {
  /** The details field, e.g. "vehiclesChecked". */
  field: string;
  /** 'sum' adds a count; 'countTrue' counts the entries where a yes/no field is yes. */
  how: 'sum' | 'countTrue';
}

const sum = (field: string): OutcomeField => ({ field, how: 'sum' });
const countTrue = (field: string): OutcomeField => ({ field, how: 'countTrue' });

export const OUTCOMES: Record<EntryKind, readonly OutcomeField[]> = {
  traffic_check: [sum('vehiclesChecked'), sum('breathTests'), sum('reports'), sum('suspectedImpaired')],
  vehicle_inspection: [sum('vehiclesInspected'), sum('prohibitions')],
  drug_operation: [sum('personsChecked'), sum('personsAged21OrYounger'), sum('drugOffencesDetected'), sum('drugOffencesAged21OrYounger'), countTrue('intelligenceLed')],
  targeted_operation: [sum('personsChecked'), sum('offencesDetected'), countTrue('intelligenceLed')],
  lob: [sum('under18'), sum('age18to21'), sum('over21')],
  pl: [sum('count')],
  presence: [sum('minutes')],
};

/** Every outcome field name across kinds, once, in a stable order (the server's SQL columns). */
export const OUTCOME_FIELDS: readonly OutcomeField[] = (() => {
  const seen = new Map<string, OutcomeField>();
  for (const fields of Object.values(OUTCOMES)) for (const f of fields) if (!seen.has(f.field)) seen.set(f.field, f);
  return [...seen.values()];
})();

export type Sums = Record<string, number>;

/** One entry's contribution to the sums of its kind. */
export function outcomesOf(content: EntryContent): Sums {
  const details = content.details as unknown as Record<string, unknown>;
  const out: Sums = {};
  for (const { field, how } of OUTCOMES[content.kind]) {
    const value = details[field];
    out[field] = how === 'countTrue' ? (value === true ? 1 : 0) : typeof value === 'number' ? value : 0;
  }
  return out;
}

/** a += b, field by field. */
export function addSums(a: Sums, b: Sums, sign: 1 | -1 = 1): Sums {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + sign * v;
  return a;
}

/**
 * Figures derived from the sums, for reports: LOB persons in all. Kept here so that
 * every screen and the CSV agree on them.
 */
export function derivedOutcomes(sums: Sums): Sums {
  const out: Sums = { ...sums };
  if ('under18' in sums || 'age18to21' in sums || 'over21' in sums) {
    out['lobPersons'] = (sums['under18'] ?? 0) + (sums['age18to21'] ?? 0) + (sums['over21'] ?? 0);
  }
  return out;
}
