// A coordinator's edits of the catalogue: the shape of a promise period as entered
// from the signed document, the rules it must meet (Swedish messages, shown as they
// are), ids for what is new, and what a correction of a published period may change.
// Used by the editor in the app and by the server, which decides.
import * as v from 'valibot';
import { ACTIVITY_KINDS, ENTRY_KINDS, OWNERS, type Activity, type Catalogue, type CitizenPromise, type Commitment } from './types.ts';
import { addDays, isLocalDate, type LocalDate } from '../calendar.ts';
import { findPersonalData } from '../personal-data.ts';
import { validate, type Validated, type ValidationIssue } from '../validation.ts';

export const EDIT_LIMITS = { titleMax: 120, textMax: 2000, commitmentsMax: 30, activitiesMax: 60, targetMax: 100_000 } as const;

/** A period as the coordinator enters it; ids are absent for what is new. */
export interface PromiseDraftInput {
  kommunId: string;
  title: string;
  validFrom: LocalDate;
  validTo: LocalDate;
  signedOn: LocalDate | null;
  reportingPeriod: 'quarter' | 'tertial';
  commitments: Array<{ id?: string; text: string }>;
  /** commitmentIndex points into `commitments` (ids may not exist yet); null when the activity serves none. */
  activities: Array<Omit<Activity, 'id' | 'promiseId' | 'commitmentId'> & { id?: string; commitmentIndex: number | null }>;
}

const text = (what: string, max: number) =>
  v.pipe(
    v.string(`Ange ${what}.`),
    v.trim(),
    v.minLength(1, `Ange ${what}.`),
    v.maxLength(max, `Högst ${max} tecken.`),
    v.check((s) => findPersonalData(s) === null, 'Texten ser ut att innehålla personuppgifter.'),
  );
const date = (what: string) => v.pipe(v.string(`Ange ${what}.`), v.check(isLocalDate, `Ange ${what} som ÅÅÅÅ-MM-DD.`));
const optionalId = v.optional(v.pipe(v.string(), v.maxLength(64)));

const targetSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('none') }),
    v.strictObject({
      kind: v.literal('count'),
      count: v.pipe(v.number('Ange målet som ett antal.'), v.integer('Målet ska vara ett positivt heltal.'), v.minValue(1, 'Målet ska vara ett positivt heltal.'), v.maxValue(EDIT_LIMITS.targetMax, 'Målet är orimligt stort.')),
      per: v.picklist(['year', 'period'], 'Ange om målet gäller per år eller hela perioden.'),
      perStated: v.boolean(),
    }),
  ],
  'Ange mål: ett antal eller inget.',
);

const activitySchema = v.strictObject({
  id: optionalId,
  commitmentIndex: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  kind: v.picklist(ACTIVITY_KINDS, 'Välj typ av aktivitet.'),
  owner: v.picklist(OWNERS, 'Ange vem som ansvarar för aktiviteten.'),
  entryKinds: v.pipe(v.array(v.picklist(ENTRY_KINDS, 'Okänd insatstyp.')), v.check((ks) => new Set(ks).size === ks.length, 'En insatstyp står två gånger.')),
  target: targetSchema,
  focus: v.optional(v.picklist(['hastighet', 'nykterhet', 'beteende', 'tung_trafik', 'allman'])),
  title: text('en kort rubrik', EDIT_LIMITS.titleMax),
  text: text('texten ur det undertecknade dokumentet', EDIT_LIMITS.textMax),
});

const draftSchema = v.strictObject({
  kommunId: v.pipe(v.string('Välj kommun.'), v.minLength(1, 'Välj kommun.')),
  title: text('en rubrik', EDIT_LIMITS.titleMax),
  validFrom: date('startdatum'),
  validTo: date('slutdatum'),
  signedOn: v.nullable(date('datum för undertecknande')),
  reportingPeriod: v.picklist(['quarter', 'tertial'], 'Välj kvartal eller tertial.'),
  commitments: v.pipe(v.array(v.strictObject({ id: optionalId, text: text('åtagandets text', EDIT_LIMITS.textMax) })), v.maxLength(EDIT_LIMITS.commitmentsMax, 'För många åtaganden.')),
  activities: v.pipe(v.array(activitySchema), v.maxLength(EDIT_LIMITS.activitiesMax, 'För många aktiviteter.')),
});

/**
 * Rules across fields, checked on whatever parts are well-formed so that the coordinator
 * sees them together with the field errors, not one round later.
 */
function crossFieldIssues(input: unknown): ValidationIssue[] {
  if (typeof input !== 'object' || input === null) return [];
  const d = input as Partial<Record<keyof PromiseDraftInput, unknown>>;
  const issues: ValidationIssue[] = [];
  if (typeof d.validFrom === 'string' && typeof d.validTo === 'string' && isLocalDate(d.validFrom) && isLocalDate(d.validTo) && d.validFrom > d.validTo) {
    issues.push({ field: 'validTo', code: 'dates_out_of_order', message: 'Slutdatumet ligger före startdatumet.' });
  }
  const commitments = Array.isArray(d.commitments) ? d.commitments.length : 0;
  if (Array.isArray(d.activities)) {
    d.activities.forEach((a: unknown, i) => {
      if (typeof a !== 'object' || a === null) return;
      const { commitmentIndex, owner, entryKinds } = a as Record<string, unknown>;
      if (typeof commitmentIndex === 'number' && commitmentIndex >= commitments) {
        issues.push({ field: `activities.${i}.commitmentIndex`, code: 'unknown_commitment', message: 'En aktivitet pekar på ett åtagande som inte finns.' });
      }
      // Officers log per occurrence only what the police does (or does together with the kommun).
      if (owner === 'kommunen' && Array.isArray(entryKinds) && entryKinds.length > 0) {
        issues.push({ field: `activities.${i}.entryKinds`, code: 'kommun_logged', message: 'En aktivitet som kommunen ansvarar för kan inte registreras av poliser.' });
      }
    });
  }
  return issues;
}

export function validatePromiseDraft(input: unknown): Validated<PromiseDraftInput> {
  const parsed = validate(draftSchema as unknown as v.GenericSchema<unknown, PromiseDraftInput>, input);
  const cross = crossFieldIssues(input);
  if (parsed.ok && cross.length === 0) return parsed;
  return { ok: false, issues: [...(parsed.ok ? [] : parsed.issues), ...cross] };
}

/** What publishing needs beyond a valid draft. */
export function publishIssues(promise: CitizenPromise): ValidationIssue[] {
  return promise.activities.length === 0 ? [{ field: 'activities', code: 'no_activities', message: 'Lägg till minst en aktivitet innan perioden publiceras.' }] : [];
}

/** Two published periods of one kommun may not overlap: which promise would an entry belong to? */
export function overlapIssues(promise: Pick<CitizenPromise, 'id' | 'kommunId' | 'validFrom' | 'validTo'>, catalogue: Catalogue): ValidationIssue[] {
  const clash = catalogue.promises.find((p) => p.id !== promise.id && p.kommunId === promise.kommunId && p.status === 'published' && p.validFrom <= promise.validTo && p.validTo >= promise.validFrom);
  if (!clash) return [];
  return [{ field: 'validFrom', code: 'overlap', message: `Perioden överlappar "${clash.title}" (${clash.validFrom} – ${clash.validTo}) för samma kommun.` }];
}

/** A new promise id: "<kommun>-<start year>", with "-2", "-3"… when taken. */
export function newPromiseId(kommunId: string, validFrom: LocalDate, taken: (id: string) => boolean): string {
  const base = `${kommunId}-${validFrom.slice(0, 4)}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

function nextNumber(ids: readonly string[], prefix: string): number {
  let max = 0;
  for (const id of ids) {
    const m = id.startsWith(prefix) ? /^(\d+)$/.exec(id.slice(prefix.length)) : null;
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/**
 * The promise document for a valid draft. Existing commitment and activity ids are kept
 * (entries point at them); new ones are numbered after the highest of `previous`.
 */
export function buildPromise(id: string, draft: PromiseDraftInput, previous: CitizenPromise | null): CitizenPromise {
  const known = new Set([...(previous?.commitments ?? []).map((c) => c.id), ...(previous?.activities ?? []).map((a) => a.id)]);
  let nextC = nextNumber((previous?.commitments ?? []).map((c) => c.id), `${id}-c`);
  let nextA = nextNumber((previous?.activities ?? []).map((a) => a.id), `${id}-a`);
  const commitments: Commitment[] = draft.commitments.map((c) => ({ id: c.id && known.has(c.id) ? c.id : `${id}-c${nextC++}`, promiseId: id, text: c.text }));
  const activities: Activity[] = draft.activities.map((a) => {
    const activity: Activity = {
      id: a.id && known.has(a.id) ? a.id : `${id}-a${nextA++}`,
      promiseId: id,
      commitmentId: a.commitmentIndex === null ? null : commitments[a.commitmentIndex]!.id,
      kind: a.kind,
      owner: a.owner,
      entryKinds: [...a.entryKinds],
      target: { ...a.target },
      title: a.title,
      text: a.text,
    };
    if (a.focus !== undefined) activity.focus = a.focus;
    return activity;
  });
  return {
    id,
    kommunId: draft.kommunId,
    title: draft.title,
    validFrom: draft.validFrom,
    validTo: draft.validTo,
    signedOn: draft.signedOn,
    reportingPeriod: draft.reportingPeriod,
    status: previous?.status ?? 'draft',
    example: previous?.example ?? false,
    source: previous?.source ?? 'samordnare',
    commitments,
    activities,
    version: previous?.version ?? 1,
  };
}

/** The draft form of a stored promise, for the editor. */
export function toDraftInput(p: CitizenPromise): PromiseDraftInput {
  return {
    kommunId: p.kommunId,
    title: p.title,
    validFrom: p.validFrom,
    validTo: p.validTo,
    signedOn: p.signedOn,
    reportingPeriod: p.reportingPeriod,
    commitments: p.commitments.map((c) => ({ id: c.id, text: c.text })),
    activities: p.activities.map(({ id, commitmentId, promiseId: _p, ...rest }) => {
      const index = commitmentId === null ? -1 : p.commitments.findIndex((c) => c.id === commitmentId);
      return { ...rest, id, commitmentIndex: index < 0 ? null : index };
    }),
  };
}

/**
 * What a correction of a published period may not do, given the activities that entries
 * or completions reference: remove such an activity, take away an entry kind it was
 * logged as, move the period to another kommun, or shrink the period past a logged day.
 */
export function correctionIssues(before: CitizenPromise, after: CitizenPromise, used: { activityKinds: Map<string, Set<string>>; firstDay: LocalDate | null; lastDay: LocalDate | null }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (after.kommunId !== before.kommunId) issues.push({ field: 'kommunId', code: 'kommun_changed', message: 'Ett publicerat medborgarlöfte kan inte flyttas till en annan kommun.' });
  for (const [activityId, kinds] of used.activityKinds) {
    const a = after.activities.find((x) => x.id === activityId);
    const title = before.activities.find((x) => x.id === activityId)?.title ?? activityId;
    if (!a) issues.push({ field: 'activities', code: 'activity_in_use', message: `"${title}" har registreringar och kan inte tas bort.` });
    else for (const k of kinds) if (k !== 'completion' && !a.entryKinds.includes(k as never)) issues.push({ field: 'activities', code: 'kind_in_use', message: `"${title}" har registreringar som ${k} och måste fortsatt kunna registreras så.` });
  }
  if (used.firstDay && after.validFrom > used.firstDay) issues.push({ field: 'validFrom', code: 'period_in_use', message: `Det finns registreringar från ${used.firstDay}; perioden kan inte börja senare.` });
  if (used.lastDay && after.validTo < used.lastDay) issues.push({ field: 'validTo', code: 'period_in_use', message: `Det finns registreringar till ${used.lastDay}; perioden kan inte sluta tidigare.` });
  return issues;
}

/** The period a renewal proposes: starting the day after, as long as the previous one (in whole years when it was). */
export function nextPeriod(previous: Pick<CitizenPromise, 'validFrom' | 'validTo'>): { validFrom: LocalDate; validTo: LocalDate } {
  const validFrom = addDays(previous.validTo, 1);
  const years = Number(previous.validTo.slice(0, 4)) - Number(previous.validFrom.slice(0, 4)) + 1;
  const wholeYears = previous.validFrom.slice(5) === '01-01' && previous.validTo.slice(5) === '12-31';
  if (wholeYears) return { validFrom, validTo: `${Number(validFrom.slice(0, 4)) + years - 1}-12-31` };
  const y = Number(validFrom.slice(0, 4)) + Math.max(1, years - 1);
  return { validFrom, validTo: addDays(`${y}${validFrom.slice(4)}`, -1) };
}
