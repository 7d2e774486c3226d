// Coordinators' catalogue editing: drafts, publishing, corrections with history,
// renewals, deletion of drafts, and who may do any of it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromiseHistoryResponse, PromiseListResponse, PromiseResponse } from '../../src/domain/admin.ts';
import { toDraftInput } from '../../src/domain/catalogue/edit.ts';
import type { Catalogue, CitizenPromise } from '../../src/domain/catalogue/index.ts';
import type { EntryContent } from '../../src/domain/entry.ts';
import { testApp, type Api } from './support/api.ts';
import { auditRows, draftInput } from './support/admin.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupWorld, trafficEntry, upsert, type World } from './support/fixtures.ts';

const BASE = '/api/v1/catalogue/promises';
const STALE = 'Medborgarlöftet har ändrats av någon annan sedan du öppnade det. Ladda om och gör ändringen igen.';

describeBackends('catalogue editing', (backend) => {
  let t: TestDb;
  let api: Api;
  let world: World;
  const tok = {} as Record<'coordA' | 'officerA' | 'leadA' | 'adminA', string>;

  const get = async (id: string): Promise<CitizenPromise> => {
    const res = await api.request('GET', BASE, tok.coordA);
    const found = (res.json() as PromiseListResponse).promises.find((p) => p.id === id);
    if (!found) throw new Error(`no promise ${id}`);
    return found;
  };
  const create = async (draft = draftInput()): Promise<CitizenPromise> => {
    const res = await api.request('POST', BASE, tok.coordA, draft);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as PromiseResponse).promise;
  };
  const catalogue = (token: string, etag?: string) => api.request('GET', '/api/v1/catalogue', token, undefined, etag ? { 'if-none-match': etag } : {});

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    for (const key of ['coordA', 'officerA', 'leadA', 'adminA'] as const) tok[key] = await api.token(key);
    // What a1-2025 is used by: a traffic check, a PL logged on the LOB/PL activity, a safety walk done.
    const pl: EntryContent = { ...trafficEntry(), kind: 'pl', activityId: 'a1-2025-lob', startedAt: '2025-06-10T20:00:00.000Z', details: { count: 1, type: 'avvisning' } } as EntryContent;
    const results = await api.pushOk(tok.officerA, [upsert(trafficEntry()), upsert(pl)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const done = await api.request('POST', '/api/v1/completions', tok.coordA, { id: randomUUID(), activityId: 'a1-2025-vandring', doneOn: '2025-06-01', note: '' });
    expect(done.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('lists drafts and published promises of the area, or of one kommun', async () => {
    const all = (await api.request('GET', BASE, tok.coordA)).json() as PromiseListResponse;
    expect(all.promises.map((p) => p.id).sort()).toEqual(['a1-2025', 'a1-utkast', 'a2-2025']);
    const a2 = (await api.request('GET', `${BASE}?kommun=kommun-a2`, tok.coordA)).json() as PromiseListResponse;
    expect(a2.promises.map((p) => p.id)).toEqual(['a2-2025']);
    expect((await api.request('GET', `${BASE}?kommun=kommun-b1`, tok.coordA)).statusCode).toBe(403);
    expect((await api.request('GET', `${BASE}?kommun=ingen`, tok.coordA)).statusCode).toBe(404);
  });

  it('creates a draft (201): new ids, version 1, not served to devices, audited', async () => {
    const etag = (await catalogue(tok.officerA)).headers.etag as string;
    const p = await create();
    expect(p).toMatchObject({ id: 'kommun-a1-2027', status: 'draft', version: 1, example: false, source: 'samordnare', kommunId: 'kommun-a1' });
    expect(p.commitments.map((c) => c.id)).toEqual(['kommun-a1-2027-c1']);
    expect(p.activities.map((a) => [a.id, a.commitmentId])).toEqual([
      ['kommun-a1-2027-a1', 'kommun-a1-2027-c1'],
      ['kommun-a1-2027-a2', null],
    ]);
    expect((await catalogue(tok.officerA, etag)).statusCode).toBe(304);
    const [row] = await auditRows(t.db, 'promise.create', p.id);
    expect(row).toMatchObject({ actor_id: world.coordA.id, actor_username: 'coorda' });
  });

  it('refuses an invalid draft with Swedish messages (400) and writes nothing', async () => {
    const before = await t.db.query('SELECT id FROM promises');
    const cases: [Parameters<typeof draftInput>[0], string, string][] = [
      [{ validFrom: '2028-01-01', validTo: '2027-12-31' }, 'validTo', 'Slutdatumet ligger före startdatumet.'],
      [{ activities: [{ ...draftInput().activities[0]!, target: { kind: 'count', count: 0, per: 'year', perStated: true } }] }, 'activities.0.target.count', 'Målet ska vara ett positivt heltal.'],
      [{ activities: [{ ...draftInput().activities[0]!, target: { kind: 'count', count: 2.5, per: 'period', perStated: true } }] }, 'activities.0.target.count', 'Målet ska vara ett positivt heltal.'],
      [{ activities: [{ ...draftInput().activities[0]!, owner: '' as never }] }, 'activities.0.owner', 'Ange vem som ansvarar för aktiviteten.'],
      [{ validFrom: '2027-02-30' }, 'validFrom', 'Ange startdatum som ÅÅÅÅ-MM-DD.'],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await api.request('POST', BASE, tok.coordA, draftInput(overrides));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details).toContainEqual(expect.objectContaining({ field, message }));
    }
    const unknown = await api.request('POST', BASE, tok.coordA, draftInput({ kommunId: 'ingen' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ field: 'kommunId', code: 'unknown_kommun', message: 'Kommunen finns inte.' }]);
    expect(await t.db.query('SELECT id FROM promises')).toEqual(before);
  });

  it('saves a draft in place, version + 1; a stale version is 409', async () => {
    const p = await get('kommun-a1-2027');
    const res = await api.request('PUT', `${BASE}/${p.id}`, tok.coordA, { draft: { ...toDraftInput(p), title: 'Medborgarlöfte 2027–2028 (utkast)' }, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PromiseResponse).promise).toMatchObject({ title: 'Medborgarlöfte 2027–2028 (utkast)', version: 2, status: 'draft' });
    expect((res.json() as PromiseResponse).promise.activities.map((a) => a.id)).toEqual(p.activities.map((a) => a.id));
    const stale = await api.request('PUT', `${BASE}/${p.id}`, tok.coordA, { draft: toDraftInput(p), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({ code: 'conflict', message: STALE, details: { version: 2 } });
    const history = (await api.request('GET', `${BASE}/${p.id}/history`, tok.coordA)).json() as PromiseHistoryResponse;
    expect(history.versions.map((v) => v.version)).toEqual([2]);
    expect(await auditRows(t.db, 'promise.save_draft', p.id)).toHaveLength(1);
    const invalid = await api.request('PUT', `${BASE}/${p.id}`, tok.coordA, { draft: { ...toDraftInput(p), validTo: '2026-01-01' }, version: 2 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details).toContainEqual(expect.objectContaining({ field: 'validTo', message: 'Slutdatumet ligger före startdatumet.' }));
  });

  it('publishes a draft: 400 without activities, 409 when it overlaps, else served with a new ETag', async () => {
    const empty = await create(draftInput({ validFrom: '2029-01-01', validTo: '2029-12-31', activities: [] }));
    const noActivities = await api.request('POST', `${BASE}/${empty.id}/publish`, tok.coordA, { version: 1 });
    expect(noActivities.statusCode).toBe(400);
    expect(noActivities.json().error.details).toEqual([{ field: 'activities', code: 'no_activities', message: 'Lägg till minst en aktivitet innan perioden publiceras.' }]);

    const overlapping = await create(draftInput({ validFrom: '2026-07-01', validTo: '2027-06-30' }));
    expect(overlapping.id).toBe('kommun-a1-2026');
    const overlap = await api.request('POST', `${BASE}/${overlapping.id}/publish`, tok.coordA, { version: 1 });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'conflict', message: 'Perioden överlappar "Medborgarlöfte a1-2025" (2025-01-01 – 2026-12-31) för samma kommun.' });
    expect(overlap.json().error.details[0]).toMatchObject({ field: 'validFrom', code: 'overlap' });

    const etag = (await catalogue(tok.officerA)).headers.etag as string;
    expect((await api.request('POST', `${BASE}/kommun-a1-2027/publish`, tok.coordA, { version: 1 })).statusCode).toBe(409);
    const ok = await api.request('POST', `${BASE}/kommun-a1-2027/publish`, tok.coordA, { version: 2 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as PromiseResponse).promise).toMatchObject({ status: 'published', version: 2 });
    const served = await catalogue(tok.officerA, etag);
    expect(served.statusCode).toBe(200);
    expect(served.headers.etag).not.toBe(etag);
    expect((served.json() as Catalogue).promises.map((p) => p.id)).toContain('kommun-a1-2027');
    // A retry of the same publish is answered the same.
    expect((await api.request('POST', `${BASE}/kommun-a1-2027/publish`, tok.coordA, { version: 2 })).statusCode).toBe(200);
    expect(await auditRows(t.db, 'promise.publish', 'kommun-a1-2027')).toHaveLength(1);
  });

  it('deletes drafts (204) but never a published period (409)', async () => {
    for (const id of ['kommun-a1-2026', 'kommun-a1-2029']) {
      expect((await api.request('DELETE', `${BASE}/${id}`, tok.coordA)).statusCode).toBe(204);
      expect((await auditRows(t.db, 'promise.delete', id))[0]!.details.draft).toMatchObject({ id });
    }
    const ids = ((await api.request('GET', BASE, tok.coordA)).json() as PromiseListResponse).promises.map((p) => p.id);
    expect(ids).not.toContain('kommun-a1-2026');
    const published = await api.request('DELETE', `${BASE}/a1-2025`, tok.coordA);
    expect(published.statusCode).toBe(409);
    expect(published.json().error.message).toBe('Ett publicerat medborgarlöfte kan inte tas bort.');
    expect((await api.request('DELETE', `${BASE}/kommun-a1-2026`, tok.coordA)).statusCode).toBe(404);
  });

  it('corrects a published period: version + 1, the old version in history, a new ETag for devices', async () => {
    const etag = (await catalogue(tok.officerA)).headers.etag as string;
    const before = await get('a1-2025');
    const draft = toDraftInput(before);
    draft.title = 'Medborgarlöfte 2025–2026 (rättad)';
    draft.activities[1]!.target = { kind: 'count', count: 12, per: 'year', perStated: true };
    const res = await api.request('PUT', `${BASE}/a1-2025`, tok.coordA, { draft, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const after = (res.json() as PromiseResponse).promise;
    expect(after).toMatchObject({ version: 2, status: 'published', title: 'Medborgarlöfte 2025–2026 (rättad)' });
    expect(after.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));

    const history = (await api.request('GET', `${BASE}/a1-2025/history`, tok.coordA)).json() as PromiseHistoryResponse;
    expect(history.versions.map((v) => [v.version, v.promise.title, v.changedBy])).toEqual([
      [1, 'Medborgarlöfte a1-2025', null],
      [2, 'Medborgarlöfte 2025–2026 (rättad)', world.coordA.id],
    ]);
    expect(history.versions[0]!.promise).toEqual(before);

    const served = await catalogue(tok.officerA, etag);
    expect(served.statusCode).toBe(200);
    expect((served.json() as Catalogue).promises.find((p) => p.id === 'a1-2025')).toEqual(after);
    expect(await auditRows(t.db, 'promise.correct', 'a1-2025')).toHaveLength(1);

    expect((await api.request('PUT', `${BASE}/a1-2025`, tok.coordA, { draft, version: 1 })).statusCode).toBe(409);
    // Saving what is already there writes nothing.
    const same = await api.request('PUT', `${BASE}/a1-2025`, tok.coordA, { draft, version: 2 });
    expect((same.json() as PromiseResponse).promise.version).toBe(2);
  });

  it('a correction keeps what entries and completions reference, and may not overlap (409)', async () => {
    const current = await get('a1-2025');
    const base = () => toDraftInput(current);
    const refused = async (draft: ReturnType<typeof base>, code: string, message: string) => {
      const res = await api.request('PUT', `${BASE}/a1-2025`, tok.coordA, { draft, version: current.version });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.message).toBe(message);
      expect(res.json().error.details[0].code).toBe(code);
    };
    const without = (id: string) => ({ ...base(), activities: base().activities.filter((a) => a.id !== id) });
    await refused(without('a1-2025-trafik'), 'activity_in_use', '"trafik" har registreringar och kan inte tas bort.');
    await refused(without('a1-2025-vandring'), 'activity_in_use', '"vandring" har registreringar och kan inte tas bort.');
    const noPl = base();
    noPl.activities[1]!.entryKinds = ['lob'];
    await refused(noPl, 'kind_in_use', '"lob" har registreringar som pl och måste fortsatt kunna registreras så.');
    await refused({ ...base(), validFrom: '2025-06-05' }, 'period_in_use', 'Det finns registreringar från 2025-06-01; perioden kan inte börja senare.');
    await refused({ ...base(), validTo: '2025-06-12' }, 'period_in_use', 'Det finns registreringar till 2025-06-14; perioden kan inte sluta tidigare.');
    await refused({ ...base(), validTo: '2027-03-31' }, 'overlap', 'Perioden överlappar "Medborgarlöfte 2027–2028 (utkast)" (2027-01-01 – 2028-12-31) för samma kommun.');
    await refused({ ...base(), kommunId: 'kommun-a2' }, 'kommun_changed', 'Ett publicerat medborgarlöfte kan inte flyttas till en annan kommun.');
    expect((await get('a1-2025')).version).toBe(current.version);

    // Adding an activity and moving the end within what is logged is a correction like any other.
    const more = base();
    more.activities.push({ ...draftInput().activities[0]!, commitmentIndex: null, title: 'Nykterhetskontroller' });
    const ok = await api.request('PUT', `${BASE}/a1-2025`, tok.coordA, { draft: { ...more, validTo: '2026-06-30' }, version: current.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as PromiseResponse).promise.activities.at(-1)!.id).toBe('a1-2025-a1');
  });

  it('renews a published period as a draft for the next one (201)', async () => {
    const previous = await get('a1-2025');
    const res = await api.request('POST', `${BASE}/a1-2025/renew`, tok.coordA, {});
    expect(res.statusCode, res.body).toBe(201);
    const renewed = (res.json() as PromiseResponse).promise;
    expect(renewed).toMatchObject({ id: 'kommun-a1-2026', status: 'draft', version: 1, source: 'a1-2025', example: false, validFrom: '2026-07-01', validTo: '2027-06-30', signedOn: null });
    expect(renewed.activities.map((a) => [a.title, a.kind, a.entryKinds, a.target])).toEqual(previous.activities.map((a) => [a.title, a.kind, a.entryKinds, a.target]));
    expect(renewed.activities.map((a) => a.id)).toEqual(previous.activities.map((_, i) => `kommun-a1-2026-a${i + 1}`));
    expect(await auditRows(t.db, 'promise.renew', renewed.id)).toHaveLength(1);

    const dated = await api.request('POST', `${BASE}/a2-2025/renew`, tok.coordA, { validFrom: '2027-01-01', validTo: '2027-12-31', signedOn: '2026-12-15' });
    expect(dated.statusCode).toBe(201);
    expect((dated.json() as PromiseResponse).promise).toMatchObject({ id: 'kommun-a2-2027', validFrom: '2027-01-01', validTo: '2027-12-31', signedOn: '2026-12-15', title: 'Medborgarlöfte 2027–2027' });

    const backwards = await api.request('POST', `${BASE}/a2-2025/renew`, tok.coordA, { validFrom: '2028-01-01', validTo: '2027-12-31' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([{ field: 'validTo', code: 'check', message: 'Slutdatumet ligger före startdatumet.' }]);
    expect((await api.request('POST', `${BASE}/a2-2025/renew`, tok.coordA, { validFrom: '1 jan' })).statusCode).toBe(400);
    const fromDraft = await api.request('POST', `${BASE}/a1-utkast/renew`, tok.coordA, {});
    expect(fromDraft.statusCode).toBe(409);
    expect(fromDraft.json().error.message).toBe('Bara ett publicerat medborgarlöfte kan förnyas.');
  });

  describe('who may edit', () => {
    const calls: [string, 'GET' | 'POST' | 'PUT' | 'DELETE', string, unknown][] = [
      ['list', 'GET', BASE, undefined],
      ['create', 'POST', BASE, draftInput()],
      ['save', 'PUT', `${BASE}/a1-2025`, { draft: draftInput(), version: 1 }],
      ['renew', 'POST', `${BASE}/a1-2025/renew`, {}],
      ['publish', 'POST', `${BASE}/a1-utkast/publish`, { version: 1 }],
      ['delete', 'DELETE', `${BASE}/a1-utkast`, undefined],
      ['history', 'GET', `${BASE}/a1-2025/history`, undefined],
    ];
    for (const who of ['officerA', 'leadA', 'adminA'] as const) {
      it(`${who} cannot edit the catalogue (403)`, async () => {
        for (const [, method, url, body] of calls) {
          const res = await api.request(method, url, tok[who], body);
          expect(res.statusCode, `${method} ${url}`).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
      });
    }
    it('nobody without a session (401)', async () => {
      for (const [, method, url, body] of calls) expect((await api.request(method, url, null, body)).statusCode).toBe(401);
    });
    it("a coordinator cannot touch another area's kommun (403) and gets 404 for what does not exist", async () => {
      const other: [('GET' | 'POST' | 'PUT' | 'DELETE'), string, unknown][] = [
        ['POST', BASE, draftInput({ kommunId: 'kommun-b1' })],
        ['PUT', `${BASE}/b1-2025`, { draft: draftInput({ kommunId: 'kommun-b1' }), version: 1 }],
        ['POST', `${BASE}/b1-2025/renew`, {}],
        ['POST', `${BASE}/b1-2025/publish`, { version: 1 }],
        ['DELETE', `${BASE}/b1-2025`, undefined],
        ['GET', `${BASE}/b1-2025/history`, undefined],
      ];
      for (const [method, url, body] of other) {
        const res = await api.request(method, url, tok.coordA, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.message).toBe('Kommunen ingår inte i ditt polisområde.');
      }
      // Moving an own draft to another area's kommun is refused too.
      const draft = await get('a1-utkast');
      const moved = await api.request('PUT', `${BASE}/a1-utkast`, tok.coordA, { draft: { ...toDraftInput(draft), kommunId: 'kommun-b1' }, version: draft.version });
      expect(moved.statusCode).toBe(403);
      for (const url of [`${BASE}/ingen/history`, `${BASE}/ingen/renew`]) {
        expect((await api.request(url.endsWith('renew') ? 'POST' : 'GET', url, tok.coordA, url.endsWith('renew') ? {} : undefined)).statusCode).toBe(404);
      }
    });
  });
});
