// The catalogue-editing endpoints (src/domain/admin.ts), typed, over the app's callServer.
import type { PromiseHistoryResponse, PromiseListResponse, PromiseResponse, RenewRequest, SavePromiseRequest } from '../../../domain/admin.ts';
import type { PromiseDraftInput } from '../../../domain/catalogue/edit.ts';
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import type { ServerCall } from '../../app/context.ts';

const base = '/catalogue/promises';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function catalogueApi(call: ServerCall) {
  return {
    list: async (kommunId?: string): Promise<CitizenPromise[]> =>
      (await call<PromiseListResponse>('GET', kommunId ? `${base}?kommun=${encodeURIComponent(kommunId)}` : base)).promises,
    create: async (draft: PromiseDraftInput): Promise<CitizenPromise> => (await call<PromiseResponse>('POST', base, draft)).promise,
    save: async (id: string, body: SavePromiseRequest): Promise<CitizenPromise> => (await call<PromiseResponse>('PUT', one(id), body)).promise,
    renew: async (id: string, body: RenewRequest = {}): Promise<CitizenPromise> => (await call<PromiseResponse>('POST', `${one(id)}/renew`, body)).promise,
    publish: async (id: string, version: number): Promise<CitizenPromise> => (await call<PromiseResponse>('POST', `${one(id)}/publish`, { version })).promise,
    remove: async (id: string): Promise<void> => {
      await call<null>('DELETE', one(id));
    },
    history: async (id: string): Promise<PromiseHistoryResponse['versions']> => (await call<PromiseHistoryResponse>('GET', `${one(id)}/history`)).versions,
  };
}

export type CatalogueApi = ReturnType<typeof catalogueApi>;
