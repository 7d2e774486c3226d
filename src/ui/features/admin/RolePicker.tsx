// The roles of a user, as checkboxes (a user may have several).
import type { Role } from '../../../domain/sync.ts';
import { t } from '../../i18n/index.ts';

const ROLES: Role[] = ['officer', 'shift_lead', 'coordinator', 'admin'];

export function RolePicker({ id, value, onChange, error }: { id: string; value: Role[]; onChange: (roles: Role[]) => void; error: string | undefined }) {
  return (
    <fieldset class={`field${error ? ' has-error' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t.admin.rolesLabel}</legend>
      <div class="check-grid">
        {ROLES.map((r) => (
          <label key={r} class="check">
            <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? ROLES.filter((x) => x === r || value.includes(x)) : value.filter((x) => x !== r))} />
            {t.admin.roles[r]}
          </label>
        ))}
      </div>
      {error && <p id={`${id}-error`} class="error" role="alert">{error}</p>}
    </fieldset>
  );
}
