// GET /api/v1/catalogue: area scope, strong ETag, 304, and a change seen at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Catalogue } from '../../src/domain/catalogue/index.ts';
import { testApp, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupWorld } from './support/fixtures.ts';

describeBackends('catalogue', (backend) => {
  let t: TestDb;
  let api: Api;
  let tokenA: string;
  let tokenB: string;
  beforeAll(async () => {
    t = await openTestDb(backend);
    await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    tokenA = await api.token('officerA');
    tokenB = await api.token('officerB');
  });
  afterAll(() => t.close());

  it("serves the user's area, its kommuner and their published promises", async () => {
    const res = await api.request('GET', '/api/v1/catalogue', tokenA);
    expect(res.statusCode).toBe(200);
    const cat = res.json() as Catalogue;
    expect(cat.policeAreas.map((a) => a.id)).toEqual(['omr-a']);
    expect(cat.kommuner.map((k) => k.id)).toEqual(['kommun-a1', 'kommun-a2']);
    expect(cat.promises.map((p) => p.id)).toEqual(['a1-2025', 'a2-2025']); // the draft is not served
    const b = (await api.request('GET', '/api/v1/catalogue', tokenB)).json() as Catalogue;
    expect(b.promises.map((p) => p.id)).toEqual(['b1-2025']);
  });

  it('answers If-None-Match with 304 and no body, per area', async () => {
    const first = await api.request('GET', '/api/v1/catalogue', tokenA);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const again = await api.request('GET', '/api/v1/catalogue', tokenA, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await api.request('GET', '/api/v1/catalogue', tokenA, undefined, { 'if-none-match': `"x", W/${etag}` })).statusCode).toBe(304);
    expect((await api.request('GET', '/api/v1/catalogue', tokenB, undefined, { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it('changes the ETag as soon as the catalogue changes in the database', async () => {
    const before = (await api.request('GET', '/api/v1/catalogue', tokenA)).headers.etag;
    await t.db.query(`UPDATE promises SET doc = jsonb_set(doc, '{title}', '"Ny titel"') WHERE id = 'a1-2025'`);
    const after = await api.request('GET', '/api/v1/catalogue', tokenA, undefined, { 'if-none-match': before as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before);
    expect((after.json() as Catalogue).promises[0]!.title).toBe('Ny titel');
  });

  it('requires a session', async () => {
    expect((await api.request('GET', '/api/v1/catalogue')).statusCode).toBe(401);
  });
});
