// "Ny användare": username, display name and roles in the admin's own police area. The
// server answers with a temporary password, shown once to hand over.
import { useState } from 'preact/hooks';
import { USER_LIMITS, validateNewUser, type AdminUser } from '../../../domain/admin.ts';
import type { Role } from '../../../domain/sync.ts';
import { useAppState } from '../../app/context.ts';
import { TextField } from '../../components/TextField.tsx';
import { t } from '../../i18n/index.ts';
import type { AdminApi } from './api.ts';
import { adminFailure, type AdminErrors } from './errors.ts';
import { RolePicker } from './RolePicker.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';

const FIELDS = ['username', 'displayName', 'roles'] as const;

export function NewUserForm({ api, onCreated, onClose }: { api: AdminApi | null; onCreated: (u: AdminUser) => void; onClose: () => void }) {
  const { user } = useAppState();
  const [value, setValue] = useState<{ username: string; displayName: string; roles: Role[] }>({ username: '', displayName: '', roles: ['officer'] });
  const [errors, setErrors] = useState<AdminErrors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  if (created) {
    return (
      <TemporaryPassword
        username={created.username}
        password={created.password}
        onDone={() => {
          setCreated(null);
          onClose();
        }}
      />
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: AdminErrors = {};
    if (value.username.trim() === '') found.username = t.admin.usernameRequired;
    if (value.displayName.trim() === '') found.displayName = t.admin.displayNameRequired;
    if (value.roles.length === 0) found.roles = t.admin.rolesRequired;
    // Then the server's own rules (length, allowed characters), checked here first.
    const checked = Object.keys(found).length > 0 ? null : validateNewUser({ ...value, policeAreaId: user.policeAreaId });
    if (checked && !checked.ok) for (const issue of checked.issues) found[issue.field as keyof AdminErrors] ??= issue.message;
    setErrors(found);
    if (!checked?.ok) return;
    if (!api) return setErrors({ form: t.admin.offlineAction });
    setBusy(true);
    try {
      const res = await api.create(checked.value);
      onCreated(res.user);
      setCreated({ username: res.user.username, password: res.temporaryPassword });
    } catch (err) {
      setErrors(adminFailure(err, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" aria-labelledby="new-user-title" onSubmit={submit} noValidate>
      <h2 id="new-user-title">{t.admin.newUser}</h2>
      <TextField id="u-username" label={t.admin.username} hint={t.admin.usernameHint} value={value.username} error={errors.username} maxLength={USER_LIMITS.usernameMax} onInput={(username) => setValue({ ...value, username })} />
      <TextField id="u-display" label={t.admin.displayName} value={value.displayName} error={errors.displayName} maxLength={USER_LIMITS.displayNameMax} onInput={(displayName) => setValue({ ...value, displayName })} />
      <RolePicker id="u-roles" value={value.roles} error={errors.roles} onChange={(roles) => setValue({ ...value, roles })} />
      {errors.form && <p class="error-summary" role="alert">{errors.form}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{t.admin.create}</button>
        <button type="button" onClick={onClose}>{t.admin.cancel}</button>
      </div>
    </form>
  );
}
