// #/admin: the users of the admin's police area with their devices, and "Ny användare".
import { useEffect, useState } from 'preact/hooks';
import type { AdminUser } from '../../../domain/admin.ts';
import { NetworkFailure } from '../../../sync/api.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { useOnline } from '../../hooks/useOnline.ts';
import { t } from '../../i18n/index.ts';
import { isAdmin } from '../tallies/roles.ts';
import { adminApi } from './api.ts';
import { NewUserForm } from './NewUserForm.tsx';
import { UserCard } from './UserCard.tsx';

export function AdminScreen() {
  const { callServer } = useServices();
  const { user } = useAppState();
  const online = useOnline();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [tick, setTick] = useState(0);
  const api = callServer ? adminApi(callServer) : null;
  useEffect(() => {
    if (!api || !isAdmin(user)) return;
    let live = true;
    api
      .users()
      .then((u) => {
        if (!live) return;
        setUsers(u);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof NetworkFailure ? t.admin.offline : t.admin.loadFailed(e instanceof Error ? e.message : String(e))));
    return () => {
      live = false;
    };
  }, [callServer, tick]);
  if (!isAdmin(user)) return <p class="empty-state">{t.admin.notForRole}</p>;
  const replace = (u: AdminUser) => setUsers((list) => (list ? (list.some((x) => x.id === u.id) ? list.map((x) => (x.id === u.id ? u : x)) : [...list, u]) : [u]));
  const sorted = users ? [...users].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName, 'sv')) : null;
  return (
    <section aria-labelledby="admin-title" class="admin">
      <h1 id="admin-title">{t.admin.title}</h1>
      {!online && (
        <p class="offline-mark">
          <span aria-hidden="true">⚠ </span>
          {t.admin.offline}
        </p>
      )}
      {error && <p class="error-summary" role="alert">{error}</p>}
      <div class="actions">
        {!creating && (
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            + {t.admin.newUser}
          </button>
        )}
        <button type="button" onClick={() => setTick((n) => n + 1)}>{t.admin.refresh}</button>
      </div>
      {creating && <NewUserForm api={api} onCreated={replace} onClose={() => setCreating(false)} />}
      {sorted === null ? (
        !error && <p aria-busy="true">{t.admin.loading}</p>
      ) : (
        <ul class="tally-list">
          {sorted.map((u) => (
            <li key={u.id}>
              <UserCard user={u} api={api} onChanged={replace} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
