// The personal-data guard (src/domain/personal-data.ts) on every free-text field the
// server accepts that could carry a member of the public's data: entry place, note and
// void reason; completion note and withdrawal reason; a read's justification; an
// account's display name. Catalogue texts are public documents and not guarded
// (docs/threat-model.md). Each refusal is field-level and Swedish, and stores nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReadEventsResponse } from '../../src/domain/audit.ts';
import { PERSONAL_DATA_MESSAGE } from '../../src/domain/personal-data.ts';
import { counts, testApp, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { setupWorld, trafficEntry, upsert, voidChange, type World } from './support/fixtures.ts';

const PNR = 'Kontroll av 19850101-1234 vid torget';
const REG = 'Stoppade ABC 123 två gånger';
const PNR_ISSUE = { code: 'personal_data', message: PERSONAL_DATA_MESSAGE.personnummer };
const REG_ISSUE = { code: 'personal_data', message: PERSONAL_DATA_MESSAGE.registration_number };

describeBackends('personal-data guard on the server', (backend) => {
  let t: TestDb;
  let api: Api;
  let world: World;
  const tok = {} as Record<'officerA' | 'leadA' | 'coordA' | 'adminA', string>;
  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api } = await testApp(t.db));
    for (const key of ['officerA', 'leadA', 'coordA', 'adminA'] as const) tok[key] = await api.token(key);
  });
  afterAll(() => t.close());

  it('entry place and note: the change is rejected on its field, the rest of the batch applies', async () => {
    const before = await counts(t.db);
    const results = await api.pushOk(tok.officerA, [upsert(trafficEntry({ place: 'Torget 19850101-1234' })), upsert(trafficEntry({ note: REG })), upsert(trafficEntry({ note: 'Lugnt' }))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied']);
    expect(results[0]!.errors).toEqual([{ field: 'place', ...PNR_ISSUE }]);
    expect(results[1]!.errors).toEqual([{ field: 'note', ...REG_ISSUE }]);
    expect((await counts(t.db)).entries).toBe(before.entries + 1);
  });

  it('entry void reason', async () => {
    const change = upsert();
    await api.pushOk(tok.officerA, [change]);
    const [result] = await api.pushOk(tok.officerA, [voidChange(change.entry, change.id, 2, `Fel person: ${PNR}`)]);
    expect(result).toMatchObject({ status: 'rejected', errors: [{ field: 'voidReason', ...PNR_ISSUE }] });
    const [head] = await t.db.query<{ voided: boolean }>('SELECT voided FROM entries WHERE id = $1', [change.id]);
    expect(head!.voided).toBe(false);
  });

  it('completion note and withdrawal reason: 400 with the field', async () => {
    const id = randomUUID();
    const bad = await api.request('POST', '/api/v1/completions', tok.coordA, { id, activityId: 'a1-2025-vandring', doneOn: '2025-06-01', note: PNR });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'note', ...PNR_ISSUE }] });
    expect(await t.db.query('SELECT 1 FROM activity_completions WHERE id = $1', [id])).toEqual([]);

    expect((await api.request('POST', '/api/v1/completions', tok.coordA, { id, activityId: 'a1-2025-vandring', doneOn: '2025-06-01', note: '' })).statusCode).toBe(201);
    const withdraw = await api.request('POST', `/api/v1/completions/${id}/withdraw`, tok.coordA, { reason: REG });
    expect(withdraw.statusCode).toBe(400);
    expect(withdraw.json().error.details).toEqual([{ field: 'reason', ...REG_ISSUE }]);
  });

  it('a read’s justification: that event rejected, the others recorded', async () => {
    const event = (justification: string) => ({ id: randomUUID(), at: '2025-06-15T09:00:00.000Z', entryId: randomUUID(), ownerId: world.officerA.id, view: 'report', justification });
    const res = await api.request('POST', '/api/v1/audit/reads', tok.leadA, { events: [event(PNR), event('Inför mötet')] });
    const { results } = res.json() as ReadEventsResponse;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'recorded']);
    expect(results[0]!.errors).toEqual([{ field: 'justification', ...PNR_ISSUE }]);
  });

  it('an account’s display name, created or changed', async () => {
    const created = await api.request('POST', '/api/v1/admin/users', tok.adminA, { username: 'ny.polis', displayName: 'Ny 199001011234', roles: ['officer'], policeAreaId: 'omr-a' });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details).toEqual([{ field: 'displayName', ...PNR_ISSUE }]);
    expect(await t.db.query(`SELECT 1 FROM users WHERE username = 'ny.polis'`)).toEqual([]);
    const changed = await api.request('PATCH', `/api/v1/admin/users/${world.officerA2.id}`, tok.adminA, { displayName: 'Bil ABC 123' });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.details).toEqual([{ field: 'displayName', ...REG_ISSUE }]);
    const [row] = await t.db.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [world.officerA2.id]);
    expect(row!.display_name).toBe('officerA2');
  });

  it('text that is not valid Unicode (NUL, half a surrogate pair) is refused per field in a push, never a 500', async () => {
    const results = await api.pushOk(tok.officerA, [upsert(trafficEntry({ note: 'a\u0000b' })), upsert(trafficEntry({ place: 'Torg\ud800' }))]);
    expect(results.map((r) => [r.status, r.errors?.[0]?.field, r.errors?.[0]?.code])).toEqual([
      ['rejected', 'note', 'bad_characters'],
      ['rejected', 'place', 'bad_characters'],
    ]);
  });
});
