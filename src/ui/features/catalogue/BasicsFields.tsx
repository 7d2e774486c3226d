// The period itself: kommun (new periods only), title, dates, signing date, quarter or tertial.
import { EDIT_LIMITS } from '../../../domain/catalogue/edit.ts';
import type { PromiseDraftInput } from '../../../domain/catalogue/edit.ts';
import { useAppState } from '../../app/context.ts';
import { Choice } from '../../components/Choice.tsx';
import { TextField } from '../../components/TextField.tsx';
import { t } from '../../i18n/index.ts';
import { DateField, SelectField } from './fields.tsx';
import type { PathErrors } from './errors.ts';

interface Props {
  draft: PromiseDraftInput;
  onChange: (d: PromiseDraftInput) => void;
  errors: PathErrors;
  kommunFixed: boolean;
}

export function BasicsFields({ draft, onChange, errors, kommunFixed }: Props) {
  const { catalogue, user } = useAppState();
  const e = errors.byPath;
  const kommuner = catalogue.kommuner.filter((k) => user.kommunIds.includes(k.id));
  return (
    <fieldset class="editor-section">
      <legend>{t.catalogue.basics}</legend>
      {!kommunFixed && (
        <SelectField id="p-kommun" label={t.catalogue.kommun} value={draft.kommunId} error={e.kommunId} options={kommuner.map((k) => ({ value: k.id, label: k.name }))} onChange={(kommunId) => onChange({ ...draft, kommunId })} />
      )}
      <TextField id="p-title" label={t.catalogue.promiseTitle} hint={t.catalogue.promiseTitleHint} value={draft.title} error={e.title} maxLength={EDIT_LIMITS.titleMax} onInput={(title) => onChange({ ...draft, title })} />
      <div class="date-pair">
        <DateField id="p-from" label={t.catalogue.validFrom} value={draft.validFrom} error={e.validFrom} onInput={(validFrom) => onChange({ ...draft, validFrom })} />
        <DateField id="p-to" label={t.catalogue.validTo} value={draft.validTo} error={e.validTo} onInput={(validTo) => onChange({ ...draft, validTo })} />
      </div>
      <DateField id="p-signed" label={t.catalogue.signedOn} hint={t.catalogue.signedOnHint} value={draft.signedOn ?? ''} error={e.signedOn} onInput={(v) => onChange({ ...draft, signedOn: v === '' ? null : v })} />
      <Choice
        id="p-reporting"
        label={t.catalogue.reportingPeriod}
        value={draft.reportingPeriod}
        error={e.reportingPeriod}
        options={[
          { value: 'quarter', label: t.catalogue.quarter },
          { value: 'tertial', label: t.catalogue.tertial },
        ]}
        onChange={(reportingPeriod) => onChange({ ...draft, reportingPeriod })}
      />
    </fieldset>
  );
}
