// Checking what reached the server, through the API as a user would see it.
import type { EntryRevision } from '../../../src/domain/entry.ts';
import type { PushChange, PushResponse } from '../../../src/domain/sync.ts';

export async function login(baseUrl: string, username: string, password = 'demo-losen-2026'): Promise<{ token: string; userId: string }> {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId: `e2e-checker-${username}` }),
  });
  if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { token: body.token, userId: body.user.id };
}

/** Every revision the user may see, following the cursor to the end. */
export async function pullAll(baseUrl: string, token: string): Promise<EntryRevision[]> {
  const all: EntryRevision[] = [];
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/sync/pull?cursor=${cursor}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`pull ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { revisions: EntryRevision[]; nextCursor: number; hasMore: boolean };
    all.push(...page.revisions);
    cursor = page.nextCursor;
    if (!page.hasMore) return all;
  }
}

/** Fails the test when any (id, rev) arrived twice; returns the distinct entry ids. */
export function distinctEntries(revisions: EntryRevision[]): Set<string> {
  const keys = new Set<string>();
  for (const r of revisions) {
    const key = `${r.id}:${r.rev}`;
    if (keys.has(key)) throw new Error(`revision ${key} arrived twice`);
    keys.add(key);
  }
  return new Set(revisions.map((r) => r.id));
}

/** A POST to the API as a user; throws on any non-2xx answer. */
export async function apiPost<T = unknown>(baseUrl: string, token: string, path: string, body: unknown): Promise<T | null> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} ${res.status}: ${await res.text()}`);
  return res.status === 204 ? null : ((await res.json()) as T);
}

/** Push revisions as a device would; fails the test unless every change is applied. */
export async function pushChanges(baseUrl: string, token: string, deviceId: string, changes: PushChange[]): Promise<void> {
  const res = await apiPost<PushResponse>(baseUrl, token, '/sync/push', { deviceId, heartbeat: { appVersion: 'e2e', queuedCount: 0, oldestQueuedAt: null }, changes });
  const bad = res!.results.filter((r) => r.status !== 'applied');
  if (bad.length > 0) throw new Error(`push not applied: ${JSON.stringify(bad)}`);
}
