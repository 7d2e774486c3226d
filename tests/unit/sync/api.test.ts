// How the HTTP client hands a request body to fetch (src/sync/api.ts): a large one as a
// Blob, which Chromium does not copy on the calling thread, a small one as a string. The
// server reads both the same way (tests/server/client-sync.test.ts pushes through it).
import { describe, expect, it } from 'vitest';
import { BLOB_BODY_FROM, createApi } from '../../../src/sync/api.ts';

function capture() {
  const seen: RequestInit[] = [];
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    seen.push(init!);
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { seen, api: createApi({ fetch }) };
}

describe('request bodies', () => {
  it('sends a small body as its JSON text', async () => {
    const { seen, api } = capture();
    const body = { deviceId: 'd1', note: 'Nässjö' };
    await api('POST', '/devices/heartbeat', { body });
    expect(seen[0]!.body).toBe(JSON.stringify(body));
    expect(new Headers(seen[0]!.headers).get('content-type')).toBe('application/json');
  });

  it('sends a body from BLOB_BODY_FROM characters on as a Blob of the same JSON, in UTF-8', async () => {
    const { seen, api } = capture();
    const body = { changes: Array.from({ length: 1000 }, (_, i) => ({ i, place: 'Storgatan i Nässjö, vid resecentrum', note: 'Lugnt' })) };
    const json = JSON.stringify(body);
    expect(json.length).toBeGreaterThanOrEqual(BLOB_BODY_FROM);
    await api('POST', '/sync/push', { body });
    const sent = seen[0]!.body;
    expect(sent).toBeInstanceOf(Blob);
    expect(await (sent as Blob).text()).toBe(json);
    expect((sent as Blob).size).toBe(new TextEncoder().encode(json).length);
    // The content type is the header's, whatever the Blob's own type.
    expect(new Headers(seen[0]!.headers).get('content-type')).toBe('application/json');
  });

  it('sends no body when there is none', async () => {
    const { seen, api } = capture();
    await api('GET', '/catalogue');
    expect(seen[0]!.body).toBeUndefined();
  });
});
