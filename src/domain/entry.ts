// Entries: one logged occurrence of an activity. Never deleted: every correction is
// a new revision and a withdrawal is a void revision with a reason.
import type { EntryKind, TrafficFocus } from './catalogue/types.ts';

export type PlType = 'avvisning' | 'avlagsnande' | 'omhandertagande' | 'annat';

export interface TrafficCheckDetails {
  focus: TrafficFocus;
  vehiclesChecked: number;
  breathTests: number;
  reports: number;
  /** Suspected drunk or drugged driving (rattfylleri / drograttfylleri). */
  suspectedImpaired: number;
}
export interface VehicleInspectionDetails {
  vehiclesInspected: number;
  /** Körförbud / brukandeförbud issued. */
  prohibitions: number;
}
export interface DrugOperationDetails {
  personsChecked: number;
  personsAged21OrYounger: number;
  drugOffencesDetected: number;
  drugOffencesAged21OrYounger: number;
  intelligenceLed: boolean;
}
export interface TargetedOperationDetails {
  personsChecked: number;
  offencesDetected: number;
  intelligenceLed: boolean;
}
export interface LobDetails {
  under18: number;
  age18to21: number;
  over21: number;
}
export interface PlDetails {
  count: number;
  type: PlType;
}
export interface PresenceDetails {
  minutes: number;
}

export interface DetailsByKind {
  traffic_check: TrafficCheckDetails;
  vehicle_inspection: VehicleInspectionDetails;
  drug_operation: DrugOperationDetails;
  targeted_operation: TargetedOperationDetails;
  lob: LobDetails;
  pl: PlDetails;
  presence: PresenceDetails;
}

/** What the officer fills in; identical for every revision. */
export type EntryContent = {
  [K in EntryKind]: {
    kind: K;
    kommunId: string;
    promiseId: string;
    activityId: string;
    /** Start time, an ISO-8601 UTC instant ("2025-03-01T07:30:00.000Z"). */
    startedAt: string;
    /** The device's UTC offset in minutes at startedAt (e.g. 60 in winter, 120 in summer). */
    utcOffsetMinutes: number;
    durationMinutes: number | null;
    /** Place name, e.g. "Resecentrum" or "Rv 31 norr". Never an individual's address. */
    place: string;
    note: string;
    details: DetailsByKind[K];
  };
}[EntryKind];

export type RevisionOp = 'upsert' | 'void';

/** One revision of an entry as stored on the device and on the server. */
export interface EntryRevision {
  id: string;
  rev: number;
  op: RevisionOp;
  content: EntryContent;
  /** Reason given when op is 'void'. */
  voidReason: string | null;
  officerId: string;
  deviceId: string;
  /** Device clock when this revision was made (ISO UTC). */
  clientTime: string;
  /** Server clock when the server accepted it; null until then. */
  serverTime: string | null;
  /** The server's sequence number; null until acknowledged. */
  serverSeq: number | null;
}

export function isVoided(rev: EntryRevision): boolean {
  return rev.op === 'void';
}
