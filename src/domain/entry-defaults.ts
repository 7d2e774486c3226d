// What a new entry's form starts with, so the common case is a tap or two.
import type { Activity, EntryKind } from './catalogue/types.ts';
import type { DetailsByKind } from './entry.ts';

export function defaultDetails<K extends EntryKind>(kind: K, activity: Activity): DetailsByKind[K] {
  const defaults: { [P in EntryKind]: DetailsByKind[P] } = {
    traffic_check: { focus: activity.focus ?? 'allman', vehiclesChecked: 0, breathTests: 0, reports: 0, suspectedImpaired: 0 },
    vehicle_inspection: { vehiclesInspected: 0, prohibitions: 0 },
    drug_operation: { personsChecked: 0, personsAged21OrYounger: 0, drugOffencesDetected: 0, drugOffencesAged21OrYounger: 0, intelligenceLed: false },
    // Nässjö 2019 promised "underrättelsebaserade" operations: that is the default there.
    targeted_operation: { personsChecked: 0, offencesDetected: 0, intelligenceLed: true },
    lob: { under18: 0, age18to21: 0, over21: 0 },
    pl: { count: 1, type: '' as never },
    presence: { minutes: 30 },
  };
  return defaults[kind];
}

/** Swedish names of the entry kinds, for buttons and lists. */
export const ENTRY_KIND_LABEL: Record<EntryKind, string> = {
  traffic_check: 'Trafikkontroll',
  vehicle_inspection: 'Flygande inspektion',
  drug_operation: 'Riktad narkotikainsats',
  targeted_operation: 'Riktad insats',
  lob: 'LOB',
  pl: 'PL-ingripande',
  presence: 'Närvaro/kontaktskapande',
};
