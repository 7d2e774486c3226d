// One validation schema per entry kind, shared by the app, the service worker and
// the server. Messages are Swedish because they are shown to officers as they are;
// `code` is for programs.
import * as v from 'valibot';
import { ENTRY_KINDS, type EntryKind } from './catalogue/types.ts';
import type { EntryContent } from './entry.ts';
import { findPersonalData, PERSONAL_DATA_MESSAGE } from './personal-data.ts';

export interface ValidationIssue {
  /** Dotted path of the field, e.g. "details.vehiclesChecked" or "note". */
  field: string;
  code: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

import { LIMITS } from './limits.ts';

export { LIMITS };

const count = (max: number = LIMITS.countMax) =>
  v.pipe(
    v.number('Ange ett antal.'),
    v.integer('Ange ett heltal.'),
    v.minValue(0, 'Antalet kan inte vara negativt.'),
    v.maxValue(max, `Högst ${max}.`),
  );

/**
 * The personal-data guard as a valibot action, for any free text that could carry a
 * member of the public's data. Its message is one of PERSONAL_DATA_MESSAGE, which
 * toIssues turns into code 'personal_data'.
 */
export const noPersonalData = () =>
  v.check<string, (issue: v.CheckIssue<string>) => string>(
    (s) => findPersonalData(s) === null,
    (issue) => PERSONAL_DATA_MESSAGE[findPersonalData(String(issue.input)) ?? 'personnummer'],
  );

/** The same guard for text that a schema outside the domain already accepted: one issue per field that fails. */
export function personalDataIssues(fields: Record<string, string | null | undefined>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const finding = text ? findPersonalData(text) : null;
    if (finding) issues.push({ field, code: 'personal_data', message: PERSONAL_DATA_MESSAGE[finding] });
  }
  return issues;
}

// NUL and half a surrogate pair are not text: PostgreSQL refuses them (the server would
// fail), and they only come from a broken client or a hostile one.
const BAD_CHARACTERS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const BAD_CHARACTERS_MESSAGE = 'Texten innehåller otillåtna tecken.';

/** True when the string holds NUL or an unpaired surrogate (the server refuses such input everywhere). */
export function hasBadCharacters(s: string): boolean {
  return BAD_CHARACTERS.test(s);
}

/** hasBadCharacters as a valibot action, for strings a schema keeps. */
export const wellFormedText = () => v.check<string, string>((s) => !hasBadCharacters(s), BAD_CHARACTERS_MESSAGE);

const freeText = (max: number, tooLong: string) => v.pipe(v.string('Ange text.'), v.maxLength(max, tooLong), wellFormedText(), noPersonalData());

// Cross-field rule ("of them" ≤ "in all"), reported on the part's field.
// Typed loosely: valibot's forward() cannot infer paths through a generic record.
const notMore = (part: string, whole: string, message: string) =>
  v.forward(
    v.check((d: Record<string, unknown>) => {
      const p = d[part];
      const w = d[whole];
      // Only compare two valid counts; a bad count already has its own message.
      if (!Number.isInteger(p) || !Number.isInteger(w) || (w as number) < 0) return true;
      return (p as number) <= (w as number);
    }, message),
    [part] as never,
  ) as never;

const DETAILS = {
  traffic_check: v.pipe(
    v.strictObject({
      focus: v.picklist(['hastighet', 'nykterhet', 'beteende', 'tung_trafik', 'allman'], 'Välj inriktning.'),
      vehiclesChecked: count(),
      breathTests: count(),
      reports: count(),
      suspectedImpaired: count(),
    }),
    notMore('suspectedImpaired', 'vehiclesChecked', 'Kan inte vara fler än kontrollerade fordon.'),
  ),
  vehicle_inspection: v.pipe(
    v.strictObject({ vehiclesInspected: count(), prohibitions: count() }),
    notMore('prohibitions', 'vehiclesInspected', 'Kan inte vara fler än kontrollerade fordon.'),
  ),
  drug_operation: v.pipe(
    v.strictObject({
      personsChecked: count(),
      personsAged21OrYounger: count(),
      drugOffencesDetected: count(),
      drugOffencesAged21OrYounger: count(),
      intelligenceLed: v.boolean('Ange ja eller nej.'),
    }),
    notMore('personsAged21OrYounger', 'personsChecked', 'Kan inte vara fler än kontrollerade personer.'),
    notMore('drugOffencesAged21OrYounger', 'drugOffencesDetected', 'Kan inte vara fler än upptäckta brott.'),
  ),
  targeted_operation: v.strictObject({
    personsChecked: count(),
    offencesDetected: count(),
    intelligenceLed: v.boolean('Ange ja eller nej.'),
  }),
  lob: v.pipe(
    v.strictObject({ under18: count(100), age18to21: count(100), over21: count(100) }),
    v.forward(
      v.check((d) => d.under18 + d.age18to21 + d.over21 > 0, 'Ange minst en omhändertagen person.'),
      ['over21'],
    ),
  ),
  pl: v.strictObject({
    count: v.pipe(count(100), v.minValue(1, 'Minst 1.')),
    type: v.picklist(['avvisning', 'avlagsnande', 'omhandertagande', 'annat'], 'Välj typ av ingripande.'),
  }),
  presence: v.strictObject({
    minutes: v.pipe(count(LIMITS.durationMax), v.minValue(1, 'Ange minst 1 minut.')),
  }),
} satisfies Record<EntryKind, v.GenericSchema>;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const id = (what: string) => v.pipe(v.string(`${what} saknas.`), v.minLength(1, `${what} saknas.`), v.maxLength(LIMITS.idMax, `${what} är för långt.`), wellFormedText());

const common = {
  kommunId: id('Kommun'),
  promiseId: id('Medborgarlöfte'),
  activityId: id('Aktivitet'),
  startedAt: v.pipe(
    v.string('Ange tid.'),
    v.regex(ISO_UTC, 'Ogiltig tid.'),
    // Date.parse rolls 30 February over into March; a real instant round-trips.
    v.check((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 19) === s.slice(0, 19), 'Ogiltig tid.'),
    // One canonical form, so that instants compare as strings in every store.
    v.transform((s) => new Date(s).toISOString()),
  ),
  utcOffsetMinutes: v.pipe(v.number('Ogiltig tidszon.'), v.integer('Ogiltig tidszon.'), v.minValue(-14 * 60, 'Ogiltig tidszon.'), v.maxValue(14 * 60, 'Ogiltig tidszon.')),
  durationMinutes: v.nullable(
    v.pipe(v.number('Ange minuter.'), v.integer('Ange hela minuter.'), v.minValue(1, 'Ange minst 1 minut.'), v.maxValue(LIMITS.durationMax, 'Högst 24 timmar.')),
  ),
  place: v.pipe(
    v.string('Ange plats.'),
    v.trim(),
    v.minLength(1, 'Ange plats, t.ex. "Resecentrum" eller "Rv 31 norr".'),
    freeText(LIMITS.placeMax, `Platsen får vara högst ${LIMITS.placeMax} tecken.`),
  ),
  note: v.pipe(v.string('Ogiltig anteckning.'), v.trim(), freeText(LIMITS.noteMax, `Anteckningen får vara högst ${LIMITS.noteMax} tecken.`)),
};

/** The note rule of entries, reused for coordinators' completions. */
export const noteSchema = common.note;

const ENTRY_SCHEMAS = Object.fromEntries(
  ENTRY_KINDS.map((kind) => [kind, v.strictObject({ kind: v.literal(kind), ...common, details: DETAILS[kind] })]),
) as unknown as Record<EntryKind, v.GenericSchema>;

export const entryContentSchema = v.variant('kind', ENTRY_KINDS.map((k) => ENTRY_SCHEMAS[k]) as never, 'Okänd typ av insats.') as v.GenericSchema<unknown, EntryContent>;

export const voidReasonSchema = v.pipe(
  v.string('Ange skäl.'),
  v.trim(),
  v.minLength(LIMITS.voidReasonMin, 'Ange ett skäl till att registreringen återkallas.'),
  freeText(LIMITS.voidReasonMax, `Skälet får vara högst ${LIMITS.voidReasonMax} tecken.`),
);

const PERSONAL_DATA_MESSAGES = new Set<string>(Object.values(PERSONAL_DATA_MESSAGE));

export function toIssues(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((i) => {
    const field = (i.path ?? []).map((p) => String(p.key)).join('.');
    if (PERSONAL_DATA_MESSAGES.has(i.message)) return { field, code: 'personal_data', message: i.message };
    if (i.message === BAD_CHARACTERS_MESSAGE) return { field, code: 'bad_characters', message: i.message };
    // valibot reports an unknown key of a strict object as "expected never".
    if (i.expected === 'never') return { field, code: 'unknown_field', message: `Okänt fält "${field}".` };
    if (i.message.startsWith('Invalid')) return { field, code: i.type, message: 'Ogiltigt format.' };
    return { field, code: i.type, message: i.message };
  });
}

export function validate<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validated<T> {
  const r = v.safeParse(schema, input);
  return r.success ? { ok: true, value: r.output } : { ok: false, issues: toIssues(r.issues) };
}

export function validateEntryContent(input: unknown): Validated<EntryContent> {
  return validate(entryContentSchema, input);
}

export function validateVoidReason(input: unknown): Validated<string> {
  return validate(voidReasonSchema, input);
}
