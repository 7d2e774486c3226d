// The pull of a sync run (src/sync/engine.ts): the next page is fetched while one is
// stored, and the cursor only ever moves with the data it covers.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldLogDb, getEntry, getMeta } from '../../../src/db/index.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { NetworkFailure, type Api } from '../../../src/sync/api.ts';
import type { PullResponse } from '../../../src/domain/sync.ts';
import type { EntryRevision } from '../../../src/domain/entry.ts';
import { SEED_CATALOGUE } from '../../../src/domain/catalogue/index.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
const now = () => Date.parse('2025-05-01T10:00:00Z');

beforeEach(async () => {
  db = new FieldLogDb(`pull-${crypto.randomUUID()}`);
  await db.open();
});

const revision = (serverSeq: number): EntryRevision => ({
  id: crypto.randomUUID(),
  rev: 1,
  op: 'upsert',
  content: trafficCheck(),
  voidReason: null,
  officerId: 'o2',
  deviceId: 'other-phone',
  clientTime: '2025-05-01T09:00:00.000Z',
  serverTime: '2025-05-01T09:00:01.000Z',
  serverSeq,
});

/** A server with `pages` pages of two revisions; `fail(cursor)` may make a page's fetch fail. */
function server(pages: number, fail: (cursor: number) => boolean = () => false) {
  const all = Array.from({ length: pages * 2 }, (_, i) => revision(i + 1));
  const asked: number[] = [];
  const api = (async (_method: string, path: string) => {
    if (path.startsWith('/sync/pull')) {
      const cursor = Number(new URL(path, 'http://x').searchParams.get('cursor'));
      asked.push(cursor);
      if (fail(cursor)) throw new NetworkFailure();
      const revisions = all.filter((r) => r.serverSeq! > cursor).slice(0, 2);
      const page: PullResponse = { revisions, nextCursor: revisions.at(-1)?.serverSeq ?? cursor, hasMore: revisions.at(-1)?.serverSeq !== all.length && revisions.length > 0 };
      return { status: 200, data: page, etag: null };
    }
    if (path === '/catalogue') return { status: 200, data: SEED_CATALOGUE, etag: '"v1"' };
    if (path === '/completions') return { status: 200, data: { completions: [] }, etag: '"c"' };
    if (path === '/devices/heartbeat') return { status: 204, data: null, etag: null };
    throw new Error(`unexpected ${path}`);
  }) as Api;
  return { api, asked, all };
}

const deps = (api: Api) => ({ db, api, token: 't', officerId: 'o1', deviceId: 'd1', appVersion: 'test', now });

describe('a pipelined pull', () => {
  it('stores every page in order and moves the cursor with them', async () => {
    const s = server(3);
    const report = await syncOnce(deps(s.api));
    expect(report.pulled).toBe(6);
    expect(s.asked).toEqual([0, 2, 4]);
    expect(await getMeta(db, 'pullCursor')).toBe(6);
    for (const r of s.all) expect((await getEntry(db, r.id))?.serverSeq).toBe(r.serverSeq);
  });

  it('a page that fails to arrive leaves the cursor after the last page stored; the next run goes on from there', async () => {
    let down = true;
    const s = server(3, (cursor) => down && cursor === 4);
    await expect(syncOnce(deps(s.api))).rejects.toBeInstanceOf(NetworkFailure);
    expect(await getMeta(db, 'pullCursor')).toBe(4);
    expect(await getEntry(db, s.all[3]!.id)).toBeDefined();
    expect(await getEntry(db, s.all[4]!.id)).toBeUndefined();
    down = false;
    await syncOnce(deps(s.api));
    expect(s.asked.slice(-1)).toEqual([4]);
    expect(await getMeta(db, 'pullCursor')).toBe(6);
  });

  it('a page that cannot be stored keeps the cursor where it was, though the next page was already fetched', async () => {
    const s = server(3);
    // A pulled page is stored through the bookkeeping connection (src/db/schema.ts).
    const revisions = db.bookkeeping().revisions;
    const original = revisions.bulkPut.bind(revisions);
    revisions.bulkPut = (() => Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof original;
    await expect(syncOnce(deps(s.api))).rejects.toThrow('QuotaExceededError');
    expect(s.asked).toEqual([0, 2]);
    expect(await getMeta(db, 'pullCursor')).toBeUndefined();
  });
});
