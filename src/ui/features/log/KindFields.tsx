// The fields of each entry kind. Which fields exist is the domain's (entry.ts); this
// file only says how each is shown.
import type { EntryKind } from '../../../domain/catalogue/types.ts';
import { Stepper } from '../../components/Stepper.tsx';
import { Choice } from '../../components/Choice.tsx';
import { t } from '../../i18n/index.ts';
import type { FieldErrors } from './formModel.ts';

type FieldSpec =
  | { key: string; type: 'count'; min?: number }
  | { key: string; type: 'bool' }
  | { key: string; type: 'choice'; options: Record<string, string> };

const FIELDS: Record<EntryKind, FieldSpec[]> = {
  traffic_check: [
    { key: 'focus', type: 'choice', options: t.focus },
    { key: 'vehiclesChecked', type: 'count' },
    { key: 'breathTests', type: 'count' },
    { key: 'reports', type: 'count' },
    { key: 'suspectedImpaired', type: 'count' },
  ],
  vehicle_inspection: [
    { key: 'vehiclesInspected', type: 'count' },
    { key: 'prohibitions', type: 'count' },
  ],
  drug_operation: [
    { key: 'personsChecked', type: 'count' },
    { key: 'personsAged21OrYounger', type: 'count' },
    { key: 'drugOffencesDetected', type: 'count' },
    { key: 'drugOffencesAged21OrYounger', type: 'count' },
    { key: 'intelligenceLed', type: 'bool' },
  ],
  targeted_operation: [
    { key: 'personsChecked', type: 'count' },
    { key: 'offencesDetected', type: 'count' },
    { key: 'intelligenceLed', type: 'bool' },
  ],
  lob: [
    { key: 'under18', type: 'count' },
    { key: 'age18to21', type: 'count' },
    { key: 'over21', type: 'count' },
  ],
  pl: [
    { key: 'type', type: 'choice', options: t.plType },
    { key: 'count', type: 'count', min: 1 },
  ],
  presence: [{ key: 'minutes', type: 'count', min: 1 }],
};

/** The order a kind's details are shown in (the server's JSON does not keep key order). */
export function detailOrder(kind: EntryKind): string[] {
  return FIELDS[kind].map((f) => f.key);
}

interface Props {
  kind: EntryKind;
  details: Record<string, unknown>;
  errors: FieldErrors;
  onChange: (key: string, value: unknown) => void;
}

export function KindFields({ kind, details, errors, onChange }: Props) {
  return (
    <>
      {FIELDS[kind].map((f) => {
        const id = `f-${f.key}`;
        const label = t.fields[f.key as keyof typeof t.fields];
        const error = errors[`details.${f.key}`];
        if (f.type === 'count') {
          return <Stepper key={f.key} id={id} label={label} value={details[f.key] as number} min={f.min ?? 0} error={error} onChange={(v) => onChange(f.key, v)} />;
        }
        if (f.type === 'bool') {
          return (
            <Choice
              key={f.key}
              id={id}
              label={label}
              value={details[f.key] === true ? 'yes' : details[f.key] === false ? 'no' : ''}
              options={[{ value: 'yes', label: t.form.yes }, { value: 'no', label: t.form.no }]}
              error={error}
              onChange={(v) => onChange(f.key, v === 'yes')}
            />
          );
        }
        return (
          <Choice
            key={f.key}
            id={id}
            label={label}
            value={(details[f.key] as string) ?? ''}
            options={Object.entries(f.options).map(([value, l]) => ({ value, label: l }))}
            error={error}
            onChange={(v) => onChange(f.key, v)}
          />
        );
      })}
    </>
  );
}
