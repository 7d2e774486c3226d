// One activity as the signed document states it: a short title, kind, owner, what
// officers log it as (police and joint activities only), target and the verbatim text.
import { EDIT_LIMITS } from '../../../domain/catalogue/edit.ts';
import type { ComponentChildren } from 'preact';
import type { PromiseDraftInput } from '../../../domain/catalogue/edit.ts';
import { ACTIVITY_KINDS, ENTRY_KINDS, OWNERS, type EntryKind } from '../../../domain/catalogue/types.ts';
import { ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { Choice } from '../../components/Choice.tsx';
import { TextField } from '../../components/TextField.tsx';
import { t } from '../../i18n/index.ts';
import type { PathErrors } from './errors.ts';
import { SelectField } from './fields.tsx';
import { updateActivity, type DraftActivity } from './model.ts';
import { TargetField } from './TargetField.tsx';

interface Props {
  draft: PromiseDraftInput;
  index: number;
  onChange: (d: PromiseDraftInput) => void;
  errors: PathErrors;
  tools: ComponentChildren;
}

const NONE = '-';

export function ActivityEditor({ draft, index, onChange, errors, tools }: Props) {
  const a = draft.activities[index]!;
  const id = `a-${index}`;
  const at = (field: string) => errors.byPath[`activities.${index}.${field}`];
  const set = (patch: Partial<DraftActivity>) => onChange(updateActivity(draft, index, patch));
  const toggleKind = (k: EntryKind, on: boolean) => set({ entryKinds: on ? ENTRY_KINDS.filter((x) => x === k || a.entryKinds.includes(x)) : a.entryKinds.filter((x) => x !== k) });
  const name = `${t.catalogue.activity(index + 1)}${a.title ? ` – ${a.title}` : ''}`;
  return (
    <fieldset class="editor-item activity-editor" aria-label={name}>
      <legend>{name}</legend>
      <TextField id={`${id}-title`} label={t.catalogue.activityTitle} hint={t.catalogue.activityTitleHint} value={a.title} error={at('title')} maxLength={EDIT_LIMITS.titleMax} onInput={(title) => set({ title })} />
      <SelectField id={`${id}-kind`} label={t.catalogue.kind} value={a.kind} error={at('kind')} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t.catalogue.kinds[k] }))} onChange={(kind) => set({ kind })} />
      <Choice id={`${id}-owner`} label={t.catalogue.owner} value={a.owner} error={at('owner')} options={OWNERS.map((o) => ({ value: o, label: t.catalogue.owners[o] }))} onChange={(owner) => set({ owner })} />
      <fieldset class={`field${at('entryKinds') ? ' has-error' : ''}`} id={`${id}-entry-kinds`} aria-describedby={`${id}-entry-kinds-hint`}>
        <legend>{t.catalogue.entryKinds}</legend>
        {a.owner === 'kommunen' ? (
          <p id={`${id}-entry-kinds-hint`} class="hint">{t.catalogue.entryKindsKommun}</p>
        ) : (
          <>
            <div class="check-grid">
              {ENTRY_KINDS.map((k) => (
                <label key={k} class="check">
                  <input type="checkbox" checked={a.entryKinds.includes(k)} onChange={(e) => toggleKind(k, (e.currentTarget as HTMLInputElement).checked)} />
                  {ENTRY_KIND_LABEL[k]}
                </label>
              ))}
            </div>
            <p id={`${id}-entry-kinds-hint`} class="hint">{t.catalogue.entryKindsHint}</p>
          </>
        )}
        {at('entryKinds') && <p class="error" role="alert">{at('entryKinds')}</p>}
      </fieldset>
      <TargetField id={`${id}-target`} target={a.target} errors={{ target: at('target'), count: at('target.count'), per: at('target.per') }} onChange={(target) => set({ target })} />
      <TextField id={`${id}-text`} label={t.catalogue.text} hint={t.catalogue.textHint} value={a.text} error={at('text')} multiline maxLength={2000} onInput={(text) => set({ text })} />
      <SelectField
        id={`${id}-commitment`}
        label={t.catalogue.servesCommitment}
        value={a.commitmentIndex === null ? NONE : String(a.commitmentIndex)}
        error={at('commitmentIndex')}
        options={[{ value: NONE, label: t.catalogue.servesNone }, ...draft.commitments.map((c, n) => ({ value: String(n), label: `${n + 1}. ${short(c.text) || t.catalogue.commitment(n + 1)}` }))]}
        onChange={(v) => set({ commitmentIndex: v === NONE ? null : Number(v) })}
      />
      {tools}
    </fieldset>
  );
}

function short(text: string): string {
  const s = text.trim();
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
