// Activities that no officer logs (trygghetsvandring, kampanj, samverkansmöte,
// skolnärvaro…) are marked done by a coordinator with a date and a note. Each mark is a
// record that counts once in tallies and reports, and is withdrawn (never deleted) with a reason.
import * as v from 'valibot';
import type { Catalogue } from '../catalogue/types.ts';
import { isLocalDate, type LocalDate } from '../calendar.ts';
import { noteSchema, validate, voidReasonSchema, type Validated, type ValidationIssue } from '../validation.ts';

export interface ActivityCompletion {
  /** Made by the coordinator's app, so a repeated request cannot mark it done twice. */
  id: string;
  kommunId: string;
  promiseId: string;
  activityId: string;
  doneOn: LocalDate;
  note: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

/** What the coordinator sends. */
export interface CompletionInput {
  id: string;
  activityId: string;
  doneOn: LocalDate;
  note: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const completionInputSchema = v.strictObject({
  id: v.pipe(v.string('Id saknas.'), v.regex(UUID, 'Ogiltigt id.')),
  activityId: v.pipe(v.string('Välj aktivitet.'), v.minLength(1, 'Välj aktivitet.'), v.maxLength(64, 'Ogiltig aktivitet.')),
  doneOn: v.pipe(v.string('Ange datum.'), v.check(isLocalDate, 'Ange datum som ÅÅÅÅ-MM-DD.')),
  note: noteSchema,
});

export function validateCompletionInput(input: unknown): Validated<CompletionInput> {
  return validate(completionInputSchema as v.GenericSchema<unknown, CompletionInput>, input);
}

export function validateWithdrawReason(input: unknown): Validated<string> {
  return validate(voidReasonSchema, input);
}

/**
 * Rules that need the catalogue: the activity exists in a published promise, is not one
 * officers log (those are counted from entries, and a second way would count twice),
 * and the date lies in the promise's period and is not in the future.
 */
export function checkCompletion(input: CompletionInput, catalogue: Catalogue, today: LocalDate): ValidationIssue[] {
  for (const promise of catalogue.promises) {
    const activity = promise.activities.find((a) => a.id === input.activityId);
    if (!activity) continue;
    if (promise.status !== 'published') break;
    if (activity.entryKinds.length > 0) {
      return [{ field: 'activityId', code: 'logged_by_officers', message: 'Aktiviteten registreras av poliserna i appen och kan inte bockas av här.' }];
    }
    if (input.doneOn < promise.validFrom || input.doneOn > promise.validTo) {
      return [{ field: 'doneOn', code: 'outside_period', message: `Datumet ligger utanför medborgarlöftets period (${promise.validFrom} – ${promise.validTo}).` }];
    }
    if (input.doneOn > today) return [{ field: 'doneOn', code: 'in_future', message: 'Datumet ligger i framtiden.' }];
    return [];
  }
  return [{ field: 'activityId', code: 'unknown_activity', message: 'Okänd aktivitet.' }];
}

/** The completion's promise and kommun, once checkCompletion has passed. */
export function completionOwner(catalogue: Catalogue, activityId: string): { promiseId: string; kommunId: string } | null {
  for (const p of catalogue.promises) if (p.activities.some((a) => a.id === activityId)) return { promiseId: p.id, kommunId: p.kommunId };
  return null;
}
