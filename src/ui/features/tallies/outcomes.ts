// The outcome sums that a promise is about, worded for people ("412 fordon kontrollerade,
// 3 misstänkta rattfylleri") and as columns for the CSV. Which figures an activity shows
// follows from the entry kinds it is logged as (src/domain/tallies/outcomes.ts).
import type { Activity } from '../../../domain/catalogue/types.ts';
import { OUTCOME_FIELDS, derivedOutcomes, type Sums } from '../../../domain/tallies/outcomes.ts';
import { t } from '../../i18n/index.ts';

const o = t.outcome;

/** Phrases for one activity's sums in a cell, in the order a reader asks for them. */
export function outcomePhrases(activity: Activity, sums: Sums): string[] {
  const s = derivedOutcomes(sums);
  const n = (field: string) => s[field] ?? 0;
  const out: string[] = [];
  const kinds = new Set(activity.entryKinds);
  if (kinds.has('traffic_check')) {
    out.push(o.vehiclesChecked(n('vehiclesChecked')), o.breathTests(n('breathTests')), o.suspectedImpaired(n('suspectedImpaired')), o.reports(n('reports')));
  }
  if (kinds.has('vehicle_inspection')) out.push(o.vehiclesInspected(n('vehiclesInspected')), o.prohibitions(n('prohibitions')));
  if (kinds.has('drug_operation')) {
    out.push(o.drugOffences(n('drugOffencesDetected'), n('drugOffencesAged21OrYounger')), o.personsChecked(n('personsChecked'), n('personsAged21OrYounger')));
  }
  if (kinds.has('targeted_operation')) out.push(o.offencesDetected(n('offencesDetected')), o.personsChecked(n('personsChecked'), null));
  if (kinds.has('drug_operation') || kinds.has('targeted_operation')) out.push(o.intelligenceLed(n('intelligenceLed')));
  if (kinds.has('lob')) out.push(o.lob(n('lobPersons'), n('under18'), n('age18to21'), n('over21')));
  if (kinds.has('pl')) out.push(o.pl(n('count')));
  if (kinds.has('presence')) out.push(o.presence(n('minutes')));
  return out;
}

/** Every outcome column of the CSV, in a fixed order, with the derived LOB total after the age bands. */
export const OUTCOME_COLUMNS: ReadonlyArray<{ key: string; label: string }> = (() => {
  const keys = OUTCOME_FIELDS.map((f) => f.field);
  const lobAt = keys.indexOf('over21');
  keys.splice(lobAt + 1, 0, 'lobPersons');
  return keys.map((key) => ({ key, label: t.outcomeColumn[key] ?? key }));
})();

/** The activity's value for each outcome column; null where the activity has no such figure. */
export function outcomeValues(sums: Sums): Record<string, number | null> {
  const s = derivedOutcomes(sums);
  const out: Record<string, number | null> = {};
  for (const { key } of OUTCOME_COLUMNS) out[key] = key in s ? (s[key] ?? 0) : null;
  return out;
}
