// Editing a promise draft as pure functions: a sensible new draft, and adding, removing
// and moving commitments and activities while every activity keeps pointing at the
// same commitment (its index moves with it).
import type { PromiseDraftInput } from '../../../domain/catalogue/edit.ts';
import { ENTRY_KINDS, type ActivityKind, type EntryKind, type Owner } from '../../../domain/catalogue/types.ts';

export type DraftActivity = PromiseDraftInput['activities'][number];

/** A new period for a kommun: this year and next, per quarter, one empty commitment. */
export function emptyDraft(kommunId: string, today: string): PromiseDraftInput {
  const year = Number(today.slice(0, 4));
  return {
    kommunId,
    title: `Medborgarlöfte ${year}–${year + 1}`,
    validFrom: `${year}-01-01`,
    validTo: `${year + 1}-12-31`,
    signedOn: null,
    reportingPeriod: 'quarter',
    commitments: [{ text: '' }],
    activities: [],
  };
}

function isEntryKind(kind: string): kind is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(kind);
}

/** The entry kinds officers log for an activity of this kind and owner, by default. */
export function defaultEntryKinds(kind: ActivityKind, owner: Owner): EntryKind[] {
  return owner !== 'kommunen' && isEntryKind(kind) ? [kind] : [];
}

export function newActivity(commitmentIndex: number | null): DraftActivity {
  return { kind: 'traffic_check', owner: 'polisen', entryKinds: ['traffic_check'], target: { kind: 'none' }, title: '', text: '', commitmentIndex };
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

export function addCommitment(d: PromiseDraftInput): PromiseDraftInput {
  return { ...d, commitments: [...d.commitments, { text: '' }] };
}

export function setCommitmentText(d: PromiseDraftInput, i: number, text: string): PromiseDraftInput {
  return { ...d, commitments: d.commitments.map((c, n) => (n === i ? { ...c, text } : c)) };
}

/** Activities that served the removed commitment serve none; later indices shift down. */
export function removeCommitment(d: PromiseDraftInput, i: number): PromiseDraftInput {
  return {
    ...d,
    commitments: d.commitments.filter((_, n) => n !== i),
    activities: d.activities.map((a) => ({ ...a, commitmentIndex: a.commitmentIndex === null || a.commitmentIndex === i ? null : a.commitmentIndex > i ? a.commitmentIndex - 1 : a.commitmentIndex })),
  };
}

export function moveCommitment(d: PromiseDraftInput, from: number, to: number): PromiseDraftInput {
  if (to < 0 || to >= d.commitments.length) return d;
  const order = move(d.commitments.map((_, n) => n), from, to);
  const newIndex = new Map(order.map((old, n) => [old, n]));
  return {
    ...d,
    commitments: move(d.commitments, from, to),
    activities: d.activities.map((a) => ({ ...a, commitmentIndex: a.commitmentIndex === null ? null : (newIndex.get(a.commitmentIndex) ?? null) })),
  };
}

/** A new activity serves the last commitment by default: activities are usually entered in the document's order. */
export function addActivity(d: PromiseDraftInput): PromiseDraftInput {
  return { ...d, activities: [...d.activities, newActivity(d.commitments.length > 0 ? d.commitments.length - 1 : null)] };
}

export function updateActivity(d: PromiseDraftInput, i: number, patch: Partial<DraftActivity>): PromiseDraftInput {
  return { ...d, activities: d.activities.map((a, n) => (n === i ? withRules({ ...a, ...patch }, a) : a)) };
}

/** A kind or owner change proposes the matching entry kinds; the kommun's own activities are never logged by officers. */
function withRules(next: DraftActivity, before: DraftActivity): DraftActivity {
  if (next.owner === 'kommunen') return { ...next, entryKinds: [] };
  if (next.kind !== before.kind || before.owner === 'kommunen') return { ...next, entryKinds: defaultEntryKinds(next.kind, next.owner) };
  return next;
}

export function removeActivity(d: PromiseDraftInput, i: number): PromiseDraftInput {
  return { ...d, activities: d.activities.filter((_, n) => n !== i) };
}

export function moveActivity(d: PromiseDraftInput, from: number, to: number): PromiseDraftInput {
  if (to < 0 || to >= d.activities.length) return d;
  return { ...d, activities: move(d.activities, from, to) };
}

/** The count a number field holds: NaN while empty, so validation says "Ange målet som ett antal." */
export function parseCount(raw: string): number {
  return raw.trim() === '' ? Number.NaN : Number(raw);
}
