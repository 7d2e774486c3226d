// "Förnya": a new promise period made from the previous one. The coordinator gets the
// same commitments and activities, renumbered under the new id, and edits from there.
import type { CitizenPromise } from './types.ts';
import { buildPromise, toDraftInput } from './edit.ts';
import { isLocalDate } from '../calendar.ts';

export interface RenewOptions {
  /** Id of the new period, e.g. "nassjo-2025". */
  id: string;
  validFrom: string;
  validTo: string;
  signedOn: string | null;
  /** Defaults to "Medborgarlöfte <år>–<år>" from the dates. */
  title?: string;
  example?: boolean;
  status?: 'draft' | 'published';
}

/**
 * Copies `previous` to a new period: commitments become `${id}-c1`…, activities
 * `${id}-a1`… in the same order, each activity still pointing at the copy of its
 * commitment. The result is a draft (unless told otherwise) at version 1 whose
 * source is the previous promise's id. Pure: `previous` is not touched.
 */
export function renewPromise(previous: CitizenPromise, options: RenewOptions): CitizenPromise {
  const { id, validFrom, validTo, signedOn } = options;
  if (id.trim() === '') throw new Error('Det nya medborgarlöftet saknar id.');
  if (!isLocalDate(validFrom)) throw new Error(`Ogiltigt startdatum: "${validFrom}" (ska vara ÅÅÅÅ-MM-DD).`);
  if (!isLocalDate(validTo)) throw new Error(`Ogiltigt slutdatum: "${validTo}" (ska vara ÅÅÅÅ-MM-DD).`);
  if (validFrom > validTo) throw new Error(`Startdatumet ${validFrom} ligger efter slutdatumet ${validTo}.`);
  if (signedOn !== null && !isLocalDate(signedOn)) {
    throw new Error(`Ogiltigt datum för undertecknande: "${signedOn}" (ska vara ÅÅÅÅ-MM-DD).`);
  }

  // The same copy a coordinator's edited draft gets: new ids from 1, each activity still
  // pointing at the copy of its commitment.
  const draft = toDraftInput(previous);
  const fresh = {
    ...draft,
    validFrom,
    validTo,
    signedOn,
    title: options.title ?? `Medborgarlöfte ${validFrom.slice(0, 4)}–${validTo.slice(0, 4)}`,
    commitments: draft.commitments.map(({ text }) => ({ text })),
    activities: draft.activities.map(({ id: _id, ...a }) => a),
  };
  return { ...buildPromise(id, fresh, null), status: options.status ?? 'draft', example: options.example ?? false, source: previous.id };
}
