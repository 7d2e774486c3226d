// A coordinator's edits of the catalogue: create a draft, save it, renew a published
// period as the next draft, publish, correct what is published (the old version kept
// in history), delete a draft. The rules are the domain's (src/domain/catalogue/edit.ts);
// this module decides against what is stored and writes, audit row included, inside the
// caller's transaction. The demo's "exempel" periods are made by renewPeriod and
// publishPromise too (server/demo-catalogue.ts).
import * as v from 'valibot';
import { isLocalDate } from '../../src/domain/calendar.ts';
import type { Catalogue, CitizenPromise } from '../../src/domain/catalogue/index.ts';
import { buildPromise, correctionIssues, newPromiseId, nextPeriod, overlapIssues, publishIssues, validatePromiseDraft } from '../../src/domain/catalogue/edit.ts';
import { renewPromise } from '../../src/domain/catalogue/renew.ts';
import { toIssues, type ValidationIssue } from '../../src/domain/validation.ts';
import { writeAudit } from '../audit.ts';
import type { Queryable } from '../db/db.ts';
import { fail } from '../http/errors.ts';
import { canonicalJson } from '../sync/canonical.ts';
import {
  deletePromiseRow,
  findStoredPromise,
  insertHistory,
  insertPromise,
  listHistory,
  listPromises,
  lockKommunPromises,
  promiseIdsStartingWith,
  promiseUsage,
  updatePromise,
  type StoredPromise,
} from './promise-rows.ts';

/** Who edits, from where, and which kommuner they may touch (null: the server itself). */
export interface EditActor {
  userId: string | null;
  username: string | null;
  kommunIds: readonly string[] | null;
  deviceId: string | null;
  ip: string | null;
  nowMs: number;
}

export const MESSAGES = {
  notFound: 'Medborgarlöftet finns inte.',
  outsideArea: 'Kommunen ingår inte i ditt polisområde.',
  stale: 'Medborgarlöftet har ändrats av någon annan sedan du öppnade det. Ladda om och gör ändringen igen.',
  publishedDelete: 'Ett publicerat medborgarlöfte kan inte tas bort.',
  renewDraft: 'Bara ett publicerat medborgarlöfte kan förnyas.',
  idTaken: 'Id:t används redan av ett annat medborgarlöfte.',
} as const;

const versionSchema = v.pipe(v.number('Ange versionen du har ändrat.'), v.integer('Ange versionen du har ändrat.'), v.minValue(1, 'Ange versionen du har ändrat.'));
const saveSchema = v.strictObject({ draft: v.unknown(), version: versionSchema });
const publishSchema = v.strictObject({ version: versionSchema });
const renewSchema = v.strictObject({
  validFrom: v.optional(v.string('Ange startdatum som ÅÅÅÅ-MM-DD.')),
  validTo: v.optional(v.string('Ange slutdatum som ÅÅÅÅ-MM-DD.')),
  signedOn: v.optional(v.nullable(v.string('Ange datum för undertecknande som ÅÅÅÅ-MM-DD.'))),
});

function parse<T>(schema: v.GenericSchema<unknown, T>, body: unknown): T {
  const r = v.safeParse(schema, body);
  if (!r.success) throw fail.invalid(toIssues(r.issues));
  return r.output;
}

/** 409 with the first rule's message and every broken rule in details. */
function refuseConflicts(issues: ValidationIssue[]): void {
  if (issues.length) throw fail.conflict(issues[0]!.message, issues);
}

function audit(tx: Queryable, actor: EditActor, action: string, target: string, details: Record<string, unknown>): Promise<void> {
  return writeAudit(tx, actor.nowMs, { actorId: actor.userId, actorUsername: actor.username, action, target, deviceId: actor.deviceId, ip: actor.ip, details });
}

/** The kommun exists (else 400) and is the actor's (else 403). */
async function checkKommun(tx: Queryable, actor: EditActor, kommunId: string): Promise<void> {
  const [row] = await tx.query('SELECT 1 FROM kommuner WHERE id = $1', [kommunId]);
  if (!row) throw fail.invalid([{ field: 'kommunId', code: 'unknown_kommun', message: 'Kommunen finns inte.' }]);
  if (actor.kommunIds && !actor.kommunIds.includes(kommunId)) throw fail.forbidden(MESSAGES.outsideArea);
}

function checkScope(actor: EditActor, p: CitizenPromise): void {
  if (actor.kommunIds && !actor.kommunIds.includes(p.kommunId)) throw fail.forbidden(MESSAGES.outsideArea);
}

/** The promise, in the actor's area, locked for the rest of the transaction together with its kommun's periods. */
async function loadForWrite(tx: Queryable, actor: EditActor, id: string, version: number | null): Promise<StoredPromise> {
  const seen = await findStoredPromise(tx, id);
  if (!seen) throw fail.notFound(MESSAGES.notFound);
  checkScope(actor, seen.promise);
  await lockKommunPromises(tx, seen.promise.kommunId);
  const stored = await findStoredPromise(tx, id, true);
  if (!stored) throw fail.notFound(MESSAGES.notFound);
  if (stored.promise.kommunId !== seen.promise.kommunId) throw fail.conflict(MESSAGES.stale, { version: stored.promise.version });
  if (version !== null && stored.promise.version !== version) throw fail.conflict(MESSAGES.stale, { version: stored.promise.version });
  return stored;
}

async function kommunCatalogue(tx: Queryable, kommunId: string): Promise<Catalogue> {
  return { policeAreas: [], kommuner: [], promises: await listPromises(tx, [kommunId]) };
}

async function freshId(tx: Queryable, kommunId: string, validFrom: string): Promise<string> {
  const taken = await promiseIdsStartingWith(tx, `${kommunId}-${validFrom.slice(0, 4)}`);
  return newPromiseId(kommunId, validFrom, (id) => taken.has(id));
}

export async function listEditable(tx: Queryable, actor: EditActor, kommunId: string | null): Promise<CitizenPromise[]> {
  if (kommunId !== null) {
    const [row] = await tx.query('SELECT 1 FROM kommuner WHERE id = $1', [kommunId]);
    if (!row) throw fail.notFound('Kommunen finns inte.');
    if (actor.kommunIds && !actor.kommunIds.includes(kommunId)) throw fail.forbidden(MESSAGES.outsideArea);
    return listPromises(tx, [kommunId]);
  }
  const all = actor.kommunIds ?? (await tx.query<{ id: string }>('SELECT id FROM kommuner')).map((r) => r.id);
  return listPromises(tx, all);
}

/** A new draft from a PromiseDraftInput: 400 with the domain's issues when invalid. */
export async function createDraft(tx: Queryable, actor: EditActor, input: unknown): Promise<CitizenPromise> {
  const parsed = validatePromiseDraft(input);
  if (!parsed.ok) throw fail.invalid(parsed.issues);
  const draft = parsed.value;
  await checkKommun(tx, actor, draft.kommunId);
  await lockKommunPromises(tx, draft.kommunId);
  const promise = buildPromise(await freshId(tx, draft.kommunId, draft.validFrom), draft, null);
  if (!(await insertPromise(tx, promise, actor.userId, actor.nowMs))) throw fail.conflict(MESSAGES.idTaken);
  await audit(tx, actor, 'promise.create', promise.id, { kommunId: promise.kommunId, validFrom: promise.validFrom, validTo: promise.validTo });
  return promise;
}

/**
 * SavePromiseRequest {draft, version}. A draft changes in place; a published period is
 * corrected: it must still be publishable, keep what entries and completions reference,
 * and not overlap another published period; the replaced version goes to history. Each
 * save is version + 1 (a stale version → 409). A save that changes nothing writes nothing.
 */
export async function savePromise(tx: Queryable, actor: EditActor, id: string, body: unknown): Promise<CitizenPromise> {
  const { draft: input, version } = parse(saveSchema, body);
  const parsed = validatePromiseDraft(input);
  if (!parsed.ok) throw fail.invalid(parsed.issues);
  const draft = parsed.value;
  const before = await loadForWrite(tx, actor, id, version);
  const old = before.promise;
  const after: CitizenPromise = { ...buildPromise(id, draft, old), version: old.version + 1 };
  if (canonicalJson({ ...after, version: old.version }) === canonicalJson(old)) return old;

  if (old.status === 'published') {
    const unpublishable = publishIssues(after);
    if (unpublishable.length) throw fail.invalid(unpublishable);
    refuseConflicts([...correctionIssues(old, after, await promiseUsage(tx, id)), ...overlapIssues(after, await kommunCatalogue(tx, old.kommunId))]);
    await insertHistory(tx, before);
  } else if (after.kommunId !== old.kommunId) {
    await checkKommun(tx, actor, after.kommunId);
  }
  await updatePromise(tx, after, actor.userId, actor.nowMs);
  await audit(tx, actor, old.status === 'published' ? 'promise.correct' : 'promise.save_draft', id, { fromVersion: old.version, version: after.version });
  return after;
}

export interface RenewPeriodOptions {
  /** Default nextPeriod(previous); each may be given alone. */
  validFrom?: string;
  validTo?: string;
  signedOn?: string | null;
  /** Only for the server's own renewals (the demo's "exempel" periods); a coordinator's get newPromiseId. */
  id?: string;
  title?: string;
  example?: boolean;
}

/** RenewRequest → the next period of a published promise as a draft (renewPromise). */
export function renewOptionsFromBody(body: unknown): RenewPeriodOptions {
  const r = parse(renewSchema, body ?? {});
  const options: RenewPeriodOptions = {};
  if (r.validFrom !== undefined) options.validFrom = r.validFrom;
  if (r.validTo !== undefined) options.validTo = r.validTo;
  if (r.signedOn !== undefined) options.signedOn = r.signedOn;
  return options;
}

/** The one renewal path: a coordinator's "Förnya" and the demo's example periods. */
export async function renewPeriod(tx: Queryable, actor: EditActor, previousId: string, options: RenewPeriodOptions = {}): Promise<CitizenPromise> {
  const stored = await findStoredPromise(tx, previousId);
  if (!stored) throw fail.notFound(MESSAGES.notFound);
  const previous = stored.promise;
  checkScope(actor, previous);
  if (previous.status !== 'published') throw fail.conflict(MESSAGES.renewDraft);
  const proposed = nextPeriod(previous);
  const validFrom = options.validFrom ?? proposed.validFrom;
  const validTo = options.validTo ?? proposed.validTo;
  const signedOn = options.signedOn ?? null;
  const issues: ValidationIssue[] = [];
  if (!isLocalDate(validFrom)) issues.push({ field: 'validFrom', code: 'date', message: 'Ange startdatum som ÅÅÅÅ-MM-DD.' });
  if (!isLocalDate(validTo)) issues.push({ field: 'validTo', code: 'date', message: 'Ange slutdatum som ÅÅÅÅ-MM-DD.' });
  if (signedOn !== null && !isLocalDate(signedOn)) issues.push({ field: 'signedOn', code: 'date', message: 'Ange datum för undertecknande som ÅÅÅÅ-MM-DD.' });
  if (!issues.length && validFrom > validTo) issues.push({ field: 'validTo', code: 'check', message: 'Slutdatumet ligger före startdatumet.' });
  if (issues.length) throw fail.invalid(issues);

  await lockKommunPromises(tx, previous.kommunId);
  const id = options.id ?? (await freshId(tx, previous.kommunId, validFrom));
  const renewed = renewPromise(previous, {
    id,
    validFrom,
    validTo,
    signedOn,
    status: 'draft',
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.example !== undefined ? { example: options.example } : {}),
  });
  if (!(await insertPromise(tx, renewed, actor.userId, actor.nowMs))) throw fail.conflict(MESSAGES.idTaken);
  await audit(tx, actor, 'promise.renew', id, { from: previousId, validFrom, validTo });
  return renewed;
}

export function publishVersionFromBody(body: unknown): number {
  return parse(publishSchema, body).version;
}

/** Publishes a draft: at least one activity (400), no overlap with a published period of the kommun (409). */
export async function publishPromise(tx: Queryable, actor: EditActor, id: string, version: number): Promise<CitizenPromise> {
  const stored = await loadForWrite(tx, actor, id, version);
  const draft = stored.promise;
  if (draft.status === 'published') return draft; // a retry of the same publish
  const unpublishable = publishIssues(draft);
  if (unpublishable.length) throw fail.invalid(unpublishable);
  refuseConflicts(overlapIssues(draft, await kommunCatalogue(tx, draft.kommunId)));
  // The version stays: it counts the document's content, and a renewal published as it is remains version 1.
  const published: CitizenPromise = { ...draft, status: 'published' };
  await updatePromise(tx, published, actor.userId, actor.nowMs);
  await audit(tx, actor, 'promise.publish', id, { kommunId: draft.kommunId, validFrom: draft.validFrom, validTo: draft.validTo, version: draft.version });
  return published;
}

/** Drafts only: a published period stays (entries may point at it; a mistake is corrected instead). */
export async function deleteDraft(tx: Queryable, actor: EditActor, id: string): Promise<void> {
  const stored = await loadForWrite(tx, actor, id, null);
  if (stored.promise.status === 'published') throw fail.conflict(MESSAGES.publishedDelete);
  await deletePromiseRow(tx, id);
  // The audit row keeps the deleted draft, so nothing typed in is lost for good.
  await audit(tx, actor, 'promise.delete', id, { draft: stored.promise });
}

export interface HistoryVersion {
  version: number;
  promise: CitizenPromise;
  changedBy: string | null;
  changedAt: string;
}

/** Every kept version, oldest first, ending with the current one. */
export async function promiseHistory(tx: Queryable, actor: EditActor, id: string): Promise<HistoryVersion[]> {
  const current = await findStoredPromise(tx, id);
  if (!current) throw fail.notFound(MESSAGES.notFound);
  checkScope(actor, current.promise);
  return [...(await listHistory(tx, id)), current].map((s) => ({ version: s.promise.version, promise: s.promise, changedBy: s.changedBy, changedAt: s.changedAt.toISOString() }));
}
