// Checking what reached the server, through the API as a user would see it.
import type { EntryRevision } from '../../../src/domain/entry.ts';

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
