// The admin endpoints (src/domain/admin.ts), typed, over the app's callServer.
import type { AdminDevice, AdminUser, AdminUsersResponse, NewUserRequest, NewUserResponse, UpdateUserRequest } from '../../../domain/admin.ts';
import type { ServerCall } from '../../app/context.ts';

const user = (id: string) => `/admin/users/${encodeURIComponent(id)}`;

export function adminApi(call: ServerCall) {
  return {
    users: async (): Promise<AdminUser[]> => (await call<AdminUsersResponse>('GET', '/admin/users')).users,
    create: (body: NewUserRequest): Promise<NewUserResponse> => call<NewUserResponse>('POST', '/admin/users', body),
    update: async (id: string, body: UpdateUserRequest): Promise<AdminUser> => (await call<{ user: AdminUser }>('PATCH', user(id), body)).user,
    resetPassword: async (id: string): Promise<string> => (await call<{ temporaryPassword: string }>('POST', `${user(id)}/reset-password`)).temporaryPassword,
    revokeDevice: async (deviceId: string): Promise<AdminDevice> => (await call<{ device: AdminDevice }>('POST', `/admin/devices/${encodeURIComponent(deviceId)}/revoke`)).device,
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
