// The promise catalogue as the signed documents state it. Ambiguities in the
// texts are represented (e.g. `perStated: false`) rather than resolved by guessing.

/** The entry kinds an officer can log on the device. */
export const ENTRY_KINDS = [
  'traffic_check',
  'vehicle_inspection',
  'drug_operation',
  'targeted_operation',
  'lob',
  'pl',
  'presence',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What kind of work an activity is: the entry kinds, and work no officer logs per occurrence. */
export const ACTIVITY_KINDS = [
  ...ENTRY_KINDS,
  'safety_walk',
  'joint_meeting',
  'licensed_premises_check',
  'campaign',
  'youth_at_risk_mapping',
  'est',
  'school_attendance',
  'traffic_measure',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const OWNERS = ['polisen', 'kommunen', 'gemensam'] as const;
export type Owner = (typeof OWNERS)[number];

export type TrafficFocus = 'hastighet' | 'nykterhet' | 'beteende' | 'tung_trafik' | 'allman';

/**
 * A numeric target as written. `per: 'year'` = calendar year ("per år", "under året");
 * `per: 'period'` = the whole promise period. When the text gives a count but no
 * period, `perStated` is false and the count is read as over the whole period
 * (the reading that never overstates what was promised per year).
 */
export type Target =
  | { kind: 'none' }
  | { kind: 'count'; count: number; per: 'year' | 'period'; perStated: boolean };

export interface Activity {
  /** Stable id, unique across the catalogue, e.g. "nassjo-2023-a3". */
  id: string;
  promiseId: string;
  /** The commitment this activity serves, when the document makes that link clear; null otherwise. */
  commitmentId: string | null;
  kind: ActivityKind;
  owner: Owner;
  /** Entry kinds an officer may log against this activity (empty: not logged per occurrence). */
  entryKinds: EntryKind[];
  target: Target;
  /** Default traffic check focus, e.g. Vetlanda's "med inriktning på trafikbeteenden". */
  focus?: TrafficFocus;
  /** Short Swedish label for buttons and reports. */
  title: string;
  /** The sentence of the signed document, verbatim. */
  text: string;
}

export interface Commitment {
  id: string;
  promiseId: string;
  /** The commitment as written in the document, verbatim. */
  text: string;
}

export type PromiseStatus = 'draft' | 'published';

export interface CitizenPromise {
  /** e.g. "nassjo-2023" */
  id: string;
  kommunId: string;
  /** Human title, e.g. "Medborgarlöfte 2023–2024". */
  title: string;
  /** First and last day in force, local dates (Europe/Stockholm), inclusive. */
  validFrom: string;
  validTo: string;
  /** Signing date when the document gives one; null when it says only "från undertecknandet". */
  signedOn: string | null;
  /** How the kommun follows up: per quarter or per tertial. */
  reportingPeriod: 'quarter' | 'tertial';
  status: PromiseStatus;
  /** Demo data made from a real promise (labelled "exempel" in the UI); never real. */
  example: boolean;
  /** The document it was encoded from (seed file name), or the promise it was renewed from. */
  source: string;
  commitments: Commitment[];
  activities: Activity[];
  /** Incremented on every published correction (catalogue versioning). */
  version: number;
}

export interface Kommun {
  id: string;
  name: string;
  policeAreaId: string;
}

export interface PoliceArea {
  id: string;
  name: string;
}

export interface Catalogue {
  policeAreas: PoliceArea[];
  kommuner: Kommun[];
  promises: CitizenPromise[];
}
