// The admin's users and devices against a fake server: creating a user (the temporary
// password shown once), editing roles, deactivating, resetting a password, revoking a device.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { AdminUser, NewUserRequest, UpdateUserRequest } from '../../src/domain/admin.ts';
import { ApiFailure } from '../../src/sync/api.ts';
import type { ServerCall } from '../../src/ui/app/context.ts';
import type { User } from '../../src/domain/sync.ts';
import { officer, renderApp } from './harness.tsx';

const admin: User = { ...officer, id: 'admin-1', username: 'admin', displayName: 'Administratör', roles: ['admin'] };

const polis: AdminUser = {
  id: 'u-polis1', username: 'polis1', displayName: 'Polis Ett', roles: ['officer'], policeAreaId: 'hoglandet', active: true, mustChangePassword: false, createdAt: '2025-01-01T00:00:00.000Z',
  devices: [{ deviceId: 'dev-aaaaaaaa-1', userId: 'u-polis1', username: 'polis1', displayName: 'Polis Ett', lastSeenAt: '2025-05-12T08:00:00.000Z', queuedCount: 3, oldestQueuedAt: '2025-05-11T20:00:00.000Z', oldestQueuedAgeSeconds: 12 * 3600, appVersion: 'test', revokedAt: null }],
};

function fakeAdminServer() {
  const own: AdminUser = { ...polis, id: admin.id, username: 'admin', displayName: 'Administratör', roles: ['admin'], devices: [] };
  const users = new Map([[polis.id, polis], [own.id, own]]);
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  let createFailure: unknown = null;
  const call = vi.fn(async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body });
    if (method === 'GET' && path === '/admin/users') return { users: [...users.values()] };
    if (method === 'POST' && path === '/admin/users') {
      if (createFailure) throw createFailure;
      const b = body as NewUserRequest;
      const u: AdminUser = { ...b, id: `u-${b.username}`, active: true, mustChangePassword: true, createdAt: '2025-05-12T10:00:00.000Z', devices: [] };
      users.set(u.id, u);
      return { user: u, temporaryPassword: 'Tillf-7Kq2-Lm9x' };
    }
    const patch = /^\/admin\/users\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && patch) {
      const u = { ...users.get(patch[1]!)!, ...(body as UpdateUserRequest) };
      users.set(u.id, u);
      return { user: u };
    }
    if (method === 'POST' && path.endsWith('/reset-password')) return { temporaryPassword: 'Ny-3Hh8-Pq4w' };
    const revoke = /^\/admin\/devices\/([^/]+)\/revoke$/.exec(path);
    if (method === 'POST' && revoke) return { device: { ...polis.devices[0]!, revokedAt: '2025-05-12T10:00:00.000Z' } };
    throw new Error(`unexpected ${method} ${path}`);
  });
  return { call: call as unknown as ServerCall, calls, failCreate: (e: unknown) => (createFailure = e) };
}

const card = async (name: string) => within((await screen.findByRole('heading', { name, level: 2 })).closest('article')!);

describe('administration', () => {
  it('an admin starts on the users, with their devices and what waits there', async () => {
    const server = fakeAdminServer();
    await renderApp({ user: admin, hash: '#/', callServer: server.call });
    expect(await screen.findByRole('heading', { name: 'Användare och enheter', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Logga' })).toBeNull();
    const c = await card('Polis Ett');
    expect(c.getByText('polis1 · Polis')).toBeTruthy();
    expect(c.getByText(/3 väntar \(äldsta 12 h\)/)).toBeTruthy();
    expect(c.getByRole('button', { name: 'Inaktivera Polis Ett' })).toBeTruthy();
    // An admin is not offered to lock themself out (the server refuses it too).
    const self = await card('Administratör');
    expect(self.queryByRole('button', { name: /^Inaktivera/ })).toBeNull();
  });

  it('checks a username by the server\'s own rules before sending it', async () => {
    const server = fakeAdminServer();
    await renderApp({ user: admin, hash: '#/admin', callServer: server.call });
    fireEvent.click(await screen.findByRole('button', { name: '+ Ny användare' }));
    const form = within(screen.getByRole('form', { name: 'Ny användare' }));
    fireEvent.input(form.getByLabelText('Användarnamn'), { target: { value: 'ab' } });
    fireEvent.input(form.getByLabelText('Namn som visas'), { target: { value: 'Anna Lind' } });
    fireEvent.click(form.getByRole('button', { name: 'Skapa användare' }));
    expect(await form.findByText('Användarnamnet ska vara 3–40 tecken.')).toBeTruthy();
    fireEvent.input(form.getByLabelText('Användarnamn'), { target: { value: 'anna lind' } });
    fireEvent.click(form.getByRole('button', { name: 'Skapa användare' }));
    expect(await form.findByText(/får bara innehålla a–z/)).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('creates a user, checks the form first, and shows the temporary password once', async () => {
    const server = fakeAdminServer();
    await renderApp({ user: admin, hash: '#/admin', callServer: server.call });
    fireEvent.click(await screen.findByRole('button', { name: '+ Ny användare' }));
    const form = within(screen.getByRole('form', { name: 'Ny användare' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Polis' }));
    fireEvent.click(form.getByRole('button', { name: 'Skapa användare' }));
    expect(form.getByText('Ange ett användarnamn.')).toBeTruthy();
    expect(form.getByText('Ange ett namn.')).toBeTruthy();
    expect(form.getByText('Välj minst en roll.')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // The server's word on a taken username, by the field.
    server.failCreate(new ApiFailure(409, 'conflict', 'Användarnamnet finns redan.', [{ field: 'username', code: 'taken', message: 'Användarnamnet är upptaget.' }]));
    fireEvent.input(form.getByLabelText('Användarnamn'), { target: { value: 'anna.lind' } });
    fireEvent.input(form.getByLabelText('Namn som visas'), { target: { value: 'Anna Lind' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Gruppchef' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Polis' }));
    fireEvent.click(form.getByRole('button', { name: 'Skapa användare' }));
    expect(await form.findByText('Användarnamnet är upptaget.')).toBeTruthy();

    server.failCreate(null);
    fireEvent.click(form.getByRole('button', { name: 'Skapa användare' }));
    expect(await screen.findByText('Tillf-7Kq2-Lm9x')).toBeTruthy();
    expect(screen.getByText(/Ge lösenordet till anna.lind personligen.*visas bara nu och måste bytas vid första inloggningen/)).toBeTruthy();
    const sent = server.calls.filter((c) => c.method === 'POST' && c.path === '/admin/users').at(-1)!;
    expect(sent.body).toEqual({ username: 'anna.lind', displayName: 'Anna Lind', roles: ['officer', 'shift_lead'], policeAreaId: 'hoglandet' });
    expect(await card('Anna Lind')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Jag har lämnat över lösenordet' }));
    expect(screen.queryByText('Tillf-7Kq2-Lm9x')).toBeNull();
  });

  it('edits roles, deactivates after asking, resets a password and revokes a device', async () => {
    const server = fakeAdminServer();
    await renderApp({ user: admin, hash: '#/admin', callServer: server.call });
    let c = await card('Polis Ett');
    fireEvent.click(c.getByRole('button', { name: 'Ändra Polis Ett' }));
    fireEvent.click(c.getByRole('checkbox', { name: 'Samordnare' }));
    fireEvent.click(c.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(server.calls.some((x) => x.method === 'PATCH')).toBe(true));
    expect(server.calls.find((x) => x.method === 'PATCH')!.body).toEqual({ displayName: 'Polis Ett', roles: ['officer', 'coordinator'] });
    c = await card('Polis Ett');
    await waitFor(() => expect(c.getByText('polis1 · Polis, Samordnare')).toBeTruthy());

    fireEvent.click(c.getByRole('button', { name: 'Inaktivera Polis Ett' }));
    expect(c.getByText(/Alla sessioner avslutas direkt/)).toBeTruthy();
    fireEvent.click(c.getByRole('button', { name: 'Ja, inaktivera' }));
    await waitFor(() => expect(c.getByText('Inaktiverad')).toBeTruthy());
    expect(server.calls.filter((x) => x.method === 'PATCH').at(-1)!.body).toEqual({ active: false });

    fireEvent.click(c.getByRole('button', { name: 'Återställ lösenord Polis Ett' }));
    fireEvent.click(c.getByRole('button', { name: 'Ja, återställ' }));
    expect(await c.findByText('Ny-3Hh8-Pq4w')).toBeTruthy();

    fireEvent.click(c.getByRole('button', { name: 'Spärra enhet dev-aaaa' }));
    expect(c.getByText(/Det som redan väntar i enhetens kö levereras ändå först/)).toBeTruthy();
    fireEvent.click(c.getByRole('button', { name: 'Ja, spärra' }));
    expect(await c.findByText(/^Spärrad /)).toBeTruthy();
    expect(server.calls.some((x) => x.path === '/admin/devices/dev-aaaaaaaa-1/revoke')).toBe(true);
  });
});
