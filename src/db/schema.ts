// Every version of the device database, in order. A shipped version is never edited;
// a change is a new version with its upgrade function (see migrations.ts).
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { EntryRevision } from '../domain/entry.ts';
import type { CitizenPromise, Kommun, PoliceArea } from '../domain/catalogue/types.ts';
import type { ValidationIssue } from '../domain/validation.ts';
import type { DayCount } from '../domain/tallies/days.ts';
import type { Sealed } from '../crypto/seal.ts';
import type { StoredRevision } from './sealed.ts';
import { applyMigrations } from './migrations.ts';

/** What a head adds to its revision: the sparse key the progress index counts on, and its day. */
interface HeadFields {
  /** "activityId|kind" while the entry counts; absent when voided, so the index skips it. */
  tallyKey?: string;
  /** The Stockholm calendar day of content.startedAt (schema v2). */
  localDay: string;
}

/** The latest revision of an entry, opened (what the db functions return). */
export interface EntryHead extends EntryRevision, HeadFields {}

/** The latest revision of an entry as stored: sealed like its revision (sealed.ts). */
export type StoredHead = StoredRevision & HeadFields;

export type OutboxState = 'queued' | 'sending' | 'rejected';

/** A revision waiting for the server's receipt. The revision itself lives in `revisions`. */
export interface OutboxItem {
  seq?: number;
  id: string;
  rev: number;
  /** Whose revision it is: only pushed under that officer's session. */
  officerId: string;
  state: OutboxState;
  queuedAt: string;
  attempts: number;
  /** The server's reasons when it rejected the change (Swedish). */
  errors?: ValidationIssue[];
  /** Our revision as it was when the server answered 'conflict' (sealed, as stored). */
  conflicted?: StoredRevision;
  /**
   * The revision as stored (sealed), carried so that a push reads the outbox alone: one
   * range read instead of a lookup per item in `revisions`, which was most of a push's
   * reading. Absent on items queued before schema v5; those are looked up.
   */
  revision?: StoredRevision;
}

export interface Draft {
  key: string;
  /** The form's state, sealed (drafts.ts). */
  sealed: Sealed;
  savedAt: string;
}

/**
 * How many live heads of one activity and kind a kommun has on one Stockholm day, with
 * their outcome sums (schema v3). Derived from the heads and written in the same
 * transaction, so a tally folds these rows instead of every entry (day-tallies.ts).
 */
export interface DayTally extends DayCount {
  kommunId: string;
}

export type DayTallyKey = [kommunId: string, day: string, activityId: string, kind: string];

/** One revision's receipt: the server's sequence and time for it. */
export type Stamp = [id: string, rev: number, serverSeq: number, serverTime: string | null];

/** The receipts of one answered push, not yet folded into the records (receipts.ts). */
export interface ReceiptRow {
  n?: number;
  stamps: Stamp[];
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface CatalogueMeta {
  policeAreas: PoliceArea[];
  kommuner: Kommun[];
  etag: string | null;
}

export class FieldLogDb extends Dexie {
  revisions!: Table<StoredRevision, [string, number]>;
  entries!: EntityTable<StoredHead, 'id'>;
  outbox!: EntityTable<OutboxItem, 'seq'>;
  promises!: EntityTable<CitizenPromise, 'id'>;
  drafts!: EntityTable<Draft, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  dayTallies!: Table<DayTally, DayTallyKey>;
  receipts!: EntityTable<ReceiptRow, 'n'>;

  constructor(name: string, schemaVersion?: number) {
    // Strict: a save is reported done only when it is on disk, so a phone that dies
    // right after "Sparad" still has the entry (Chromium defaults to relaxed).
    super(name, { chromeTransactionDurability: 'strict' });
    applyMigrations(this, schemaVersion);
  }
}
