// A copy of the device's IndexedDB, read without the PIN, holds no entry content, no
// draft and no usable session token. Each canary is a string that only the sealed fields
// carry; the same dump must still show the readable fields (or the check proves nothing).
import { beforeEach, expect, it } from 'vitest';
import { FieldLogDb, correctEntry, saveDraft, saveEntry, storePulledRevisions, voidEntry } from '../../../src/db/index.ts';
import { applyPushResults } from '../../../src/db/outbox-push.ts';
import { saveSession } from '../../../src/sync/session.ts';
import { createKeyring } from '../../../src/security/keyring.ts';
import { setDataKey, dropDataKey } from '../../../src/crypto/keystore.ts';
import { lob, trafficCheck } from '../../fixtures/entries.ts';
import { dumpAllIndexedDb } from './raw-idb.ts';

const TOKEN = 'TOKEN-KANARIE-abcdefghijklmnopqrstuvwxyz';
// Counts are sealed per entry, but a day's tally row (plain by design) holds their sum: the
// 4711 vehicles are corrected away below so that no row can carry them.
const CANARIES = ['Stortorget-KANARIE', 'KANARIE-anteckning', 'KANARIE-utkast', 'KANARIE-återkallad', 'Hämtad-KANARIE', 'KANARIE', TOKEN, '4711'];
const ctx = { officerId: 'o1', deviceId: 'd1', now: () => Date.parse('2025-05-01T10:00:00Z') };
let db: FieldLogDb;

beforeEach(async () => {
  db = new FieldLogDb(`stolen-${crypto.randomUUID()}`);
  await db.open();
  const { key } = await createKeyring('o1', '482915', { iterations: 1_000 });
  setDataKey(key);
});

it('holds no readable content, draft or token anywhere in IndexedDB', async () => {
  const a = await saveEntry(db, trafficCheck({ place: 'Stortorget-KANARIE', note: 'KANARIE-anteckning', details: { focus: 'nykterhet', vehiclesChecked: 4711, breathTests: 4711, reports: 4711, suspectedImpaired: 0 } }), ctx);
  await correctEntry(db, a.id, trafficCheck({ place: 'Stortorget-KANARIE', note: 'KANARIE-anteckning 2' }), ctx);
  const b = await saveEntry(db, lob({ place: 'Stortorget-KANARIE' }), ctx);
  await voidEntry(db, b.id, 'KANARIE-återkallad', ctx);
  // A conflict keeps a copy of the losing revision in the outbox.
  await applyPushResults(db, [{ id: a.id, rev: 2, status: 'conflict', errors: [] }]);
  await storePulledRevisions(db, [{ ...trafficCheckRevision('pulled-1'), serverSeq: 9, serverTime: '2025-05-01T10:00:01.000Z' }]);
  await saveDraft(db, 'new:a:lob', { place: 'KANARIE-utkast', note: 'KANARIE-utkast' }, ctx.now());
  await saveSession({ user: { id: 'o1', username: 'polis1', displayName: 'Polis Ett', roles: ['officer'], policeAreaId: 'hoglandet', kommunIds: ['nassjo'] }, token: TOKEN, expiresAt: null });
  dropDataKey();

  const dump = await dumpAllIndexedDb();
  // The dump sees the data: the readable fields are there (so a miss below is not an empty read).
  expect(dump).toContain(a.id);
  expect(dump).toContain('nassjo-2025-exempel-a3');
  expect(dump).toContain('Polis Ett');
  expect(dump).toContain('keyval');
  for (const canary of CANARIES) expect(dump, canary).not.toContain(canary);
});

function trafficCheckRevision(id: string) {
  const content = trafficCheck({ place: 'Hämtad-KANARIE' });
  return { id, rev: 1, op: 'upsert' as const, content, voidReason: null, officerId: 'o2', deviceId: 'd2', clientTime: content.startedAt, serverTime: null, serverSeq: null };
}

it('the check itself finds plaintext (a control: a record written unsealed is caught)', async () => {
  await db.table('meta').put({ key: 'control', value: { place: 'Stortorget-KANARIE' } });
  expect(await dumpAllIndexedDb()).toContain('Stortorget-KANARIE');
});
