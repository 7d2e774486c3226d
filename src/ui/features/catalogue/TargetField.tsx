// A target as written: none, or a count per year or over the whole period.
import type { Target } from '../../../domain/catalogue/types.ts';
import { Choice } from '../../components/Choice.tsx';
import { t } from '../../i18n/index.ts';
import { NumberField } from './fields.tsx';
import { parseCount } from './model.ts';

interface Props {
  id: string;
  target: Target;
  errors: { target?: string | undefined; count?: string | undefined; per?: string | undefined };
  onChange: (t: Target) => void;
}

export function TargetField({ id, target, errors, onChange }: Props) {
  return (
    <div class="target-field">
      <Choice
        id={id}
        label={t.catalogue.target}
        value={target.kind}
        error={errors.target}
        options={[
          { value: 'none', label: t.catalogue.targetNone },
          { value: 'count', label: t.catalogue.targetCount },
        ]}
        onChange={(kind) => onChange(kind === 'none' ? { kind: 'none' } : target.kind === 'count' ? target : { kind: 'count', count: Number.NaN, per: 'year', perStated: true })}
      />
      {target.kind === 'count' && (
        <div class="target-count">
          <NumberField id={`${id}-count`} label={t.catalogue.targetCountLabel} value={target.count} error={errors.count} onInput={(raw) => onChange({ ...target, count: parseCount(raw) })} />
          <Choice
            id={`${id}-per`}
            label={t.catalogue.targetPer}
            value={target.per}
            error={errors.per}
            options={[
              { value: 'year', label: t.catalogue.perYear },
              { value: 'period', label: t.catalogue.perPeriod },
            ]}
            // Chosen by the coordinator, so stated (an encoded seed may say perStated: false).
            onChange={(per) => onChange({ ...target, per, perStated: true })}
          />
        </div>
      )}
    </div>
  );
}
