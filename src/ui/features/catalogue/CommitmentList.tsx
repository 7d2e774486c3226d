// The promise's commitments, verbatim: add, remove and reorder (activities follow).
import type { PromiseDraftInput } from '../../../domain/catalogue/edit.ts';
import { TextField } from '../../components/TextField.tsx';
import { t } from '../../i18n/index.ts';
import type { PathErrors } from './errors.ts';
import { addCommitment, moveCommitment, removeCommitment, setCommitmentText } from './model.ts';
import { RowTools } from './RowTools.tsx';

export function CommitmentList({ draft, onChange, errors }: { draft: PromiseDraftInput; onChange: (d: PromiseDraftInput) => void; errors: PathErrors }) {
  return (
    <fieldset class="editor-section" aria-describedby="commitments-hint">
      <legend>{t.catalogue.commitments}</legend>
      <p id="commitments-hint" class="hint">{t.catalogue.commitmentsHint}</p>
      {errors.byPath.commitments && <p class="error" role="alert">{errors.byPath.commitments}</p>}
      <ol class="editor-list">
        {draft.commitments.map((c, i) => {
          const name = t.catalogue.commitment(i + 1);
          return (
            <li key={i} class="editor-item">
              <TextField id={`c-${i}`} label={name} value={c.text} error={errors.byPath[`commitments.${i}.text`]} multiline maxLength={2000} onInput={(text) => onChange(setCommitmentText(draft, i, text))} />
              <RowTools name={name} index={i} count={draft.commitments.length} onMove={(to) => onChange(moveCommitment(draft, i, to))} onRemove={() => onChange(removeCommitment(draft, i))} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange(addCommitment(draft))}>+ {t.catalogue.addCommitment}</button>
    </fieldset>
  );
}
