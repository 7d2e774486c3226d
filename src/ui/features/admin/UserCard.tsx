// One user: roles, state, devices; edit name and roles, deactivate or reactivate, reset
// the password (the temporary one shown once), revoke a device.
import { useState } from 'preact/hooks';
import { USER_LIMITS, type AdminUser } from '../../../domain/admin.ts';
import type { Role } from '../../../domain/sync.ts';
import { Confirm } from '../../components/Confirm.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useToast } from '../../components/Toast.tsx';
import { t } from '../../i18n/index.ts';
import { useAppState } from '../../app/context.ts';
import type { AdminApi } from './api.ts';
import { DeviceRow } from './DeviceRow.tsx';
import { adminFailure, type AdminErrors } from './errors.ts';
import { RolePicker } from './RolePicker.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';

interface Props {
  user: AdminUser;
  api: AdminApi | null;
  onChanged: (u: AdminUser) => void;
}

export function UserCard({ user, api, onChanged }: Props) {
  const toast = useToast();
  const [editing, setEditing] = useState<{ displayName: string; roles: Role[] } | null>(null);
  const [errors, setErrors] = useState<AdminErrors>({});
  const [temp, setTemp] = useState<string | null>(null);
  const id = `user-${user.id}`;
  // The server refuses an admin locking themself out; the button is not offered either.
  const self = useAppState().user.id === user.id;

  const run = async (action: (api: AdminApi) => Promise<void>) => {
    if (!api) return setErrors({ form: t.admin.offlineAction });
    setErrors({});
    try {
      await action(api);
    } catch (e) {
      setErrors(adminFailure(e, ['displayName', 'roles']));
    }
  };
  const update = (patch: Parameters<AdminApi['update']>[1], text: string) =>
    run(async (a) => {
      onChanged(await a.update(user.id, patch));
      toast({ text });
    });

  return (
    <article class={`user-card${user.active ? '' : ' inactive'}`} aria-labelledby={`${id}-name`}>
      <header class="tally-head">
        <h2 id={`${id}-name`}>{user.displayName}</h2>
        <span class={`status-chip ${user.active ? 'status-achieved' : 'status-not_started'}`}>{user.active ? t.admin.active : t.admin.inactive}</span>
      </header>
      <p class="tally-meta">
        {user.username} · {user.roles.map((r) => t.admin.roles[r]).join(', ')}
        {user.mustChangePassword && ` · ${t.admin.mustChange}`}
      </p>
      {editing ? (
        <form
          class="admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (editing.displayName.trim() === '') return setErrors({ displayName: t.admin.displayNameRequired });
            if (editing.roles.length === 0) return setErrors({ roles: t.admin.rolesRequired });
            void update({ displayName: editing.displayName.trim(), roles: editing.roles }, t.admin.savedToast).then(() => setEditing(null));
          }}
        >
          <TextField id={`${id}-display`} label={t.admin.displayName} value={editing.displayName} error={errors.displayName} maxLength={USER_LIMITS.displayNameMax} onInput={(displayName) => setEditing({ ...editing, displayName })} />
          <RolePicker id={`${id}-roles`} value={editing.roles} error={errors.roles} onChange={(roles) => setEditing({ ...editing, roles })} />
          <div class="actions">
            <button type="submit" class="primary">{t.admin.save}</button>
            <button type="button" onClick={() => setEditing(null)}>{t.admin.cancel}</button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" aria-label={t.admin.editNamed(user.displayName)} onClick={() => setEditing({ displayName: user.displayName, roles: user.roles })}>{t.admin.edit}</button>
          {self ? null : user.active ? (
            <Confirm label={t.admin.deactivate} ariaLabel={`${t.admin.deactivate} ${user.displayName}`} question={t.admin.deactivateConfirm(user.displayName)} yes={t.admin.deactivateYes} danger onConfirm={() => update({ active: false }, t.admin.savedToast)} />
          ) : (
            <Confirm label={t.admin.reactivate} ariaLabel={`${t.admin.reactivate} ${user.displayName}`} question={t.admin.reactivateConfirm(user.displayName)} yes={t.admin.reactivateYes} onConfirm={() => update({ active: true }, t.admin.savedToast)} />
          )}
          <Confirm
            label={t.admin.resetPassword}
            ariaLabel={`${t.admin.resetPassword} ${user.displayName}`}
            question={t.admin.resetConfirm(user.displayName)}
            yes={t.admin.resetYes}
            onConfirm={() =>
              run(async (a) => {
                setTemp(await a.resetPassword(user.id));
                onChanged({ ...user, mustChangePassword: true });
              })
            }
          />
        </div>
      )}
      {temp && <TemporaryPassword username={user.username} password={temp} reset onDone={() => setTemp(null)} />}
      {errors.form && <p class="error-summary" role="alert">{errors.form}</p>}
      <h3>{t.admin.devices}</h3>
      {user.devices.length === 0 ? (
        <p class="hint">{t.admin.noDevices}</p>
      ) : (
        <ul class="device-list">
          {user.devices.map((d) => (
            <DeviceRow
              key={d.deviceId}
              device={d}
              onRevoke={() =>
                run(async (a) => {
                  const device = await a.revokeDevice(d.deviceId);
                  onChanged({ ...user, devices: user.devices.map((x) => (x.deviceId === device.deviceId ? device : x)) });
                  toast({ text: t.admin.revokedToast });
                })
              }
            />
          ))}
        </ul>
      )}
    </article>
  );
}
