// A fake catalogue server for the editor's UI tests: the harness catalogue plus what the
// tests create, renew, save and publish, with the same rules the device checks.
import { vi } from 'vitest';
import type { PromiseHistoryResponse, RenewRequest, SavePromiseRequest } from '../../src/domain/admin.ts';
import { buildPromise, newPromiseId, nextPeriod, type PromiseDraftInput } from '../../src/domain/catalogue/edit.ts';
import { renewPromise } from '../../src/domain/catalogue/renew.ts';
import type { CitizenPromise } from '../../src/domain/catalogue/types.ts';
import type { ServerCall } from '../../src/ui/app/context.ts';
import { catalogue } from './harness.tsx';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export function fakeCatalogueServer() {
  const promises = new Map<string, CitizenPromise>(catalogue.promises.map((p) => [p.id, p]));
  const calls: Call[] = [];
  const history: PromiseHistoryResponse['versions'] = [];
  let fail: ((c: Call) => unknown) | null = null;
  const call = vi.fn(async (method: string, path: string, body?: unknown) => {
    const c = { method, path, body };
    calls.push(c);
    const f = fail?.(c);
    if (f) throw f;
    const [, , , id, action] = path.split('?')[0]!.split('/');
    if (method === 'GET' && !id) return { promises: [...promises.values()] };
    if (method === 'POST' && !id) {
      const draft = body as PromiseDraftInput;
      const p = buildPromise(newPromiseId(draft.kommunId, draft.validFrom, (x) => promises.has(x)), draft, null);
      promises.set(p.id, p);
      return { promise: p };
    }
    const current = promises.get(decodeURIComponent(id!))!;
    if (method === 'POST' && action === 'renew') {
      const next = { ...nextPeriod(current), ...(body as RenewRequest) };
      const p = renewPromise(current, { id: newPromiseId(current.kommunId, next.validFrom, (x) => promises.has(x)), validFrom: next.validFrom, validTo: next.validTo, signedOn: null });
      promises.set(p.id, p);
      return { promise: p };
    }
    if (method === 'PUT') {
      const { draft } = body as SavePromiseRequest;
      const built = buildPromise(current.id, draft, current);
      const p = current.status === 'published' ? { ...built, version: current.version + 1 } : built;
      if (current.status === 'published') history.push({ version: current.version, promise: current, changedBy: 'Samordnare Ett', changedAt: '2025-05-12T09:00:00.000Z' });
      promises.set(p.id, p);
      return { promise: p };
    }
    if (method === 'POST' && action === 'publish') {
      const p = { ...current, status: 'published' as const };
      promises.set(p.id, p);
      return { promise: p };
    }
    if (method === 'DELETE') {
      promises.delete(current.id);
      return null;
    }
    if (method === 'GET' && action === 'history') return { versions: history };
    throw new Error(`unexpected ${method} ${path}`);
  });
  return {
    call: call as unknown as ServerCall,
    calls,
    promises,
    failWhen: (f: ((c: Call) => unknown) | null) => (fail = f),
    writes: () => calls.filter((c) => c.method !== 'GET'),
  };
}
