// A device upgraded from schema v3 holds plaintext: the first PIN seals all of it (entries,
// history, drafts, the conflict copy, the session token) without losing queued work.
import { beforeEach, expect, it } from 'vitest';
import { clear, get, set } from 'idb-keyval';
import { FieldLogDb, countQueued, getEntry, listRevisions, loadDraft, correctEntry } from '../../../src/db/index.ts';
import { nextBatch } from '../../../src/db/outbox-push.ts';
import { headOf } from '../../../src/db/entries.ts';
import { LATEST_VERSION } from '../../../src/db/migrations.ts';
import { dropDataKey } from '../../../src/crypto/keystore.ts';
import { setFirstPin } from '../../../src/security/pin-setup.ts';
import { loadKeyring } from '../../../src/security/keyring.ts';
import { loadSession } from '../../../src/sync/session.ts';
import type { EntryRevision } from '../../../src/domain/entry.ts';
import { trafficCheck } from '../../fixtures/entries.ts';
import { dumpAllIndexedDb } from './raw-idb.ts';

const user = { id: 'o1', username: 'polis1', displayName: 'Polis Ett', roles: ['officer' as const], policeAreaId: 'hoglandet', kommunIds: ['nassjo'] };
const TOKEN = 'LEGACY-TOKEN-abcdefghijklmnopqrstuvwxyz';

beforeEach(async () => {
  await clear();
});

it('v3 → v4: the first PIN seals every plaintext record; queued work stays queued and opens', async () => {
  const name = `legacy-${crypto.randomUUID()}`;
  const v3 = new FieldLogDb(name, 3);
  await v3.open();
  const rev = (id: string, n: number, place: string): EntryRevision => {
    const content = trafficCheck({ place, note: `${place}-anteckning` });
    return { id, rev: n, op: 'upsert', content, voidReason: null, officerId: 'o1', deviceId: 'd1', clientTime: content.startedAt, serverTime: null, serverSeq: null };
  };
  const revisions = [rev('a', 1, 'Gammal-KANARIE-1'), rev('a', 2, 'Gammal-KANARIE-2'), rev('b', 1, 'Gammal-KANARIE-3')];
  // As v3 wrote them: plaintext revisions and heads, a queue with a conflict copy, a draft, a plaintext token.
  await v3.table('revisions').bulkAdd(revisions);
  await v3.table('entries').bulkAdd([headOf(revisions[1]!), headOf(revisions[2]!)]);
  await v3.table('outbox').bulkAdd([
    { id: 'a', rev: 2, officerId: 'o1', state: 'queued', queuedAt: '2025-03-01T08:00:00.000Z', attempts: 0 },
    { id: 'b', rev: 1, officerId: 'o1', state: 'rejected', queuedAt: '2025-03-01T08:00:00.000Z', attempts: 1, errors: [], conflicted: revisions[2] },
  ]);
  await v3.table('drafts').put({ key: 'new:x:lob', value: { place: 'Utkast-KANARIE' }, savedAt: '2025-03-01T08:00:00.000Z' });
  v3.close();
  await set('session', { user, token: TOKEN, expiresAt: null });
  await set('deviceId', 'device-1');

  const db = new FieldLogDb(name);
  await db.open();
  expect(db.verno).toBe(LATEST_VERSION);
  // Before the PIN: the plaintext is refused, never shown half-sealed.
  await expect(getEntry(db, 'a')).rejects.toThrow(/kunde inte dekrypteras/);

  dropDataKey();
  await setFirstPin(db, 'o1', '482915', null, { iterations: 1_000 });

  const dump = await dumpAllIndexedDb();
  expect(dump).toContain('nassjo-2025-exempel-a3');
  for (const canary of ['Gammal-KANARIE', 'Utkast-KANARIE', TOKEN]) expect(dump, canary).not.toContain(canary);
  expect(await countQueued(db)).toBe(2);
  expect((await nextBatch(db, 10)).map((c) => c.revision.content.place)).toEqual(['Gammal-KANARIE-2']);
  expect((await listRevisions(db, 'a')).map((r) => r.content.note)).toEqual(['Gammal-KANARIE-1-anteckning', 'Gammal-KANARIE-2-anteckning']);
  expect(await loadDraft(db, 'new:x:lob')).toEqual({ place: 'Utkast-KANARIE' });
  expect((await loadSession())?.token).toBe(TOKEN);
  expect((await loadKeyring())?.legacySealed).toBe(true);
  expect((await get('session')).token).toBeUndefined();
  // And the entries go on from there.
  expect((await correctEntry(db, 'a', trafficCheck({ place: 'Ny' }), { officerId: 'o1', deviceId: 'd1', now: () => Date.now() })).rev).toBe(3);
});
