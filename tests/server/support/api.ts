// A thin client over app.inject() (or over real HTTP for the listening tests) that
// speaks the contract of src/domain/sync.ts.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DeviceHeartbeat, PullResponse, PushChange, PushRequest, PushResponse } from '../../../src/domain/sync.ts';
import { buildApp, type AppOptions } from '../../../server/http/app.ts';
import { manualClock } from '../../../server/clock.ts';
import type { Db } from '../../../server/db/db.ts';
import { FAST_COST, PASSWORD, T0 } from './fixtures.ts';

export const HEARTBEAT: DeviceHeartbeat = { appVersion: '0.1.0-test', queuedCount: 0, oldestQueuedAt: null };

export type Clock = ReturnType<typeof manualClock>;

export async function testApp(db: Db, options: Partial<AppOptions> = {}): Promise<{ app: FastifyInstance; clock: Clock; api: Api }> {
  const clock = manualClock(T0);
  const app = await buildApp({ db, clock, logger: false, passwordCost: FAST_COST, ...options });
  await app.ready();
  return { app, clock, api: new Api(app) };
}

export class Api {
  constructor(readonly app: FastifyInstance) {}

  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, token?: string | null, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers };
    // A string payload is sent as is (malformed JSON tests), still labelled as JSON.
    if (typeof payload === 'string') h['content-type'] ??= 'application/json';
    return this.app.inject({ method, url, headers: h, ...(payload === undefined ? {} : { payload: payload as string | object }) });
  }

  login(username: string, password = PASSWORD, deviceId = `dev-${username}`, remoteAddress?: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password, deviceId }, ...(remoteAddress ? { remoteAddress } : {}) });
  }

  async token(username: string, deviceId = `dev-${username}`): Promise<string> {
    const res = await this.login(username, PASSWORD, deviceId);
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return res.json().token as string;
  }

  pushRaw(token: string, body: unknown): Promise<LightMyRequestResponse> {
    return this.request('POST', '/api/v1/sync/push', token, body);
  }

  push(token: string, changes: PushChange[], deviceId = 'dev-test', heartbeat: DeviceHeartbeat = HEARTBEAT): Promise<LightMyRequestResponse> {
    const body: PushRequest = { deviceId, heartbeat, changes };
    return this.pushRaw(token, body);
  }

  /** Push and expect 200; returns the results. */
  async pushOk(token: string, changes: PushChange[], deviceId?: string): Promise<PushResponse['results']> {
    const res = await this.push(token, changes, deviceId);
    if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
    return (res.json() as PushResponse).results;
  }

  pull(token: string, cursor?: number, limit?: number): Promise<LightMyRequestResponse> {
    const q = new URLSearchParams();
    if (cursor !== undefined) q.set('cursor', String(cursor));
    if (limit !== undefined) q.set('limit', String(limit));
    return this.request('GET', `/api/v1/sync/pull?${q}`, token);
  }

  async pullAll(token: string, limit = 1000): Promise<PullResponse['revisions']> {
    const all: PullResponse['revisions'] = [];
    let cursor = 0;
    for (;;) {
      const res = await this.pull(token, cursor, limit);
      if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
      const page = res.json() as PullResponse;
      all.push(...page.revisions);
      cursor = page.nextCursor;
      if (!page.hasMore) return all;
    }
  }
}

/** Rows in the entry tables: the "nothing lost, nothing doubled" check of the fault tests. */
export async function counts(db: Db): Promise<{ revisions: number; entries: number }> {
  const [row] = await db.query<{ revisions: number; entries: number }>(
    'SELECT (SELECT count(*)::int FROM entry_revisions) AS revisions, (SELECT count(*)::int FROM entries) AS entries',
  );
  return row!;
}
