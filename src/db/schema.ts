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

  private readonly schemaVersion: number | undefined;
  private readonly durability: 'strict' | 'relaxed';
  private relaxedTwin: FieldLogDb | null = null;

  constructor(name: string, schemaVersion?: number, durability: 'strict' | 'relaxed' = 'strict') {
    // Strict: a save is reported done only when it is on disk, so a phone that dies
    // right after "Sparad" still has the entry (Chromium defaults to relaxed).
    super(name, { chromeTransactionDurability: durability });
    this.schemaVersion = schemaVersion;
    this.durability = durability;
    applyMigrations(this, schemaVersion);
  }

  /**
   * The same database on a second connection whose writes are 'relaxed' (on disk soon,
   * not before the commit is reported): for the sync's own bookkeeping, which a power
   * cut may undo without losing anything. Each such transaction is still all or nothing,
   * and what it records can be had again: a push's answer lost with its receipt leaves
   * the items queued, and the server answers them 'duplicate'; a pulled page lost with
   * its cursor is pulled again; a fold lost leaves its receipt to be folded again, and
   * answered items their seqs in the acknowledged row (outbox.ts) to be deleted again; the
   * 'sending' row is display state. Only what the officer typed needs the disk at once.
   * In Chromium each strict commit waits for a flush to disk: marking and storing the
   * answers of a 10 000-entry push took 0.8 s strict and 0.6 s relaxed (measured here).
   */
  bookkeeping(): FieldLogDb {
    if (this.durability === 'relaxed') return this;
    this.relaxedTwin ??= new FieldLogDb(this.name, this.schemaVersion, 'relaxed');
    return this.relaxedTwin;
  }

  override close(options?: Parameters<Dexie['close']>[0]): void {
    // A wipe deletes the database after closing it: no connection of ours may hold it open.
    this.relaxedTwin?.close(options);
    this.relaxedTwin = null;
    super.close(options);
  }
}
