// The per-day tally rows must always equal a recount of the heads, whatever path changed
// a head: a save, a correction that moves an entry, a void, or a pull with other devices'
// revisions (new, newer, older, repeated). A seeded random walk checks it after every step.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  FieldLogDb,
  saveEntry,
  correctEntry,
  voidEntry,
  storePulledRevisions,
  getEntry,
  openRecords,
  type EntryHead,
  type WriteContext,
} from '../../../src/db/index.ts';
import { applyPushResults, nextBatch } from '../../../src/db/outbox-push.ts';
import { SEED_CATALOGUE, withExamples, loggableActivities, type LoggableActivity } from '../../../src/domain/catalogue/index.ts';
import type { EntryContent, EntryRevision } from '../../../src/domain/entry.ts';
import { outcomesOf, addSums, type Sums } from '../../../src/domain/tallies/outcomes.ts';
import { localDate } from '../../../src/domain/calendar.ts';
import { trafficCheck } from '../../fixtures/entries.ts';

let db: FieldLogDb;
let clock = Date.parse('2025-06-01T08:00:00Z');
const ctx: WriteContext = { officerId: 'o1', deviceId: 'd1', now: () => clock };

beforeEach(async () => {
  db = new FieldLogDb(`day-tallies-${crypto.randomUUID()}`);
  await db.open();
});

/** mulberry32: small, seeded, good enough to pick operations. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!, chance: (p: number) => next() < p };
}

type Row = { count: number; sums: Sums };

/** What the rows should be: every head that counts, folded by kommun, Stockholm day, activity and kind. */
async function recount(): Promise<Record<string, Row>> {
  const out: Record<string, Row> = {};
  for (const h of await openRecords(await db.entries.toArray())) {
    if (h.op === 'void') continue;
    const c = h.content;
    const key = [c.kommunId, localDate(c.startedAt), c.activityId, c.kind].join('|');
    const row = (out[key] ??= { count: 0, sums: {} });
    row.count += 1;
    addSums(row.sums, outcomesOf(c));
  }
  return out;
}

async function stored(): Promise<Record<string, Row>> {
  const out: Record<string, Row> = {};
  for (const r of await db.dayTallies.toArray()) out[[r.kommunId, r.day, r.activityId, r.kind].join('|')] = { count: r.count, sums: r.sums };
  return out;
}

const asRevision = (h: EntryHead): EntryRevision => {
  const { tallyKey: _t, localDay: _d, ...r } = h;
  return r;
};

describe('day tallies follow the heads', () => {
  it('a save adds one, a correction moves it, a void takes it away, and an empty row goes', async () => {
    const a = await saveEntry(db, trafficCheck({ startedAt: '2025-03-31T21:30:00.000Z' }), ctx); // 23:30 local, 31 March
    expect(await db.dayTallies.toArray()).toEqual([
      { kommunId: 'nassjo', day: '2025-03-31', activityId: 'nassjo-2025-exempel-a3', kind: 'traffic_check', count: 1, sums: { vehiclesChecked: 40, breathTests: 40, reports: 2, suspectedImpaired: 1 } },
    ]);
    await saveEntry(db, trafficCheck({ startedAt: '2025-03-31T08:00:00.000Z', details: { focus: 'allman', vehiclesChecked: 5, breathTests: 5, reports: 0, suspectedImpaired: 0 } }), ctx);
    expect((await db.dayTallies.toArray())[0]).toMatchObject({ count: 2, sums: { vehiclesChecked: 45 } });
    // One hour later is 00:30 on 1 April: the entry moves to the next day (and quarter).
    await correctEntry(db, a.id, trafficCheck({ startedAt: '2025-03-31T22:30:00.000Z' }), ctx);
    expect((await db.dayTallies.toArray()).map((r) => [r.day, r.count, r.sums['vehiclesChecked']])).toEqual([
      ['2025-03-31', 1, 5],
      ['2025-04-01', 1, 40],
    ]);
    await voidEntry(db, a.id, 'Dubbelregistrering', ctx);
    expect((await db.dayTallies.toArray()).map((r) => r.day)).toEqual(['2025-03-31']);
  });

  it('an older or repeated pulled revision changes nothing; the server’s winning revision does', async () => {
    const a = await saveEntry(db, trafficCheck(), ctx);
    await correctEntry(db, a.id, trafficCheck({ details: { focus: 'allman', vehiclesChecked: 7, breathTests: 0, reports: 0, suspectedImpaired: 0 } }), ctx);
    const before = await stored();
    const head = (await getEntry(db, a.id))!;
    await storePulledRevisions(db, [{ ...asRevision(head), rev: 1, content: trafficCheck({ kommunId: 'tranas' }), deviceId: 'd2', serverSeq: 1 }]);
    await storePulledRevisions(db, [{ ...asRevision(head), serverSeq: 2, serverTime: '2025-06-01T08:00:01.000Z' }]);
    expect(await stored()).toEqual(before);
    // Rev 2 from another device won on the server: it replaces ours, and the tallies follow.
    await storePulledRevisions(db, [{ ...asRevision(head), op: 'void', voidReason: 'Fel', deviceId: 'd2', serverSeq: 3 }]);
    expect(await stored()).toEqual({});
  });

  it('stay equal to a recount of the heads through 400 random saves, corrections, voids and pulls', async () => {
    const rnd = prng(20250401);
    const catalogue = withExamples(SEED_CATALOGUE);
    const loggable: LoggableActivity[] = catalogue.promises.flatMap((p) => loggableActivities(p));
    const kommunOf = new Map(catalogue.promises.flatMap((p) => p.activities.map((a) => [a.id, p] as const)));
    // Few days, times near local midnight (both DST offsets), so rows collide and entries cross days.
    const instants = ['2024-12-31T22:50:00.000Z', '2024-12-31T23:10:00.000Z', '2025-03-31T21:50:00.000Z', '2025-03-31T22:10:00.000Z', '2025-06-30T21:59:59.000Z', '2025-06-30T22:00:00.000Z', '2025-10-26T00:30:00.000Z', '2025-10-26T23:30:00.000Z'];

    const content = (): EntryContent => {
      const { activity, entryKind } = rnd.pick(loggable);
      const promise = kommunOf.get(activity.id)!;
      const n = () => rnd.int(6);
      const base = { kommunId: promise.kommunId, promiseId: promise.id, activityId: activity.id, startedAt: rnd.pick(instants), utcOffsetMinutes: 60, durationMinutes: 30, place: 'Storgatan', note: '' };
      switch (entryKind) {
        case 'traffic_check':
          return { ...base, kind: entryKind, details: { focus: 'allman', vehiclesChecked: n(), breathTests: n(), reports: n(), suspectedImpaired: n() } };
        case 'vehicle_inspection':
          return { ...base, kind: entryKind, details: { vehiclesInspected: n(), prohibitions: n() } };
        case 'drug_operation':
          return { ...base, kind: entryKind, details: { personsChecked: n(), personsAged21OrYounger: n(), drugOffencesDetected: n(), drugOffencesAged21OrYounger: n(), intelligenceLed: rnd.chance(0.5) } };
        case 'targeted_operation':
          return { ...base, kind: entryKind, details: { personsChecked: n(), offencesDetected: n(), intelligenceLed: rnd.chance(0.5) } };
        case 'lob':
          return { ...base, kind: entryKind, details: { under18: n(), age18to21: n(), over21: n() } };
        case 'pl':
          return { ...base, kind: entryKind, details: { count: n() + 1, type: 'avvisning' } };
        case 'presence':
          return { ...base, kind: entryKind, details: { minutes: 15 * n() } };
      }
    };

    let serverSeq = 0;
    const ids: string[] = [];
    const done: Record<string, number> = {};
    const other = (id: string, rev: number, op: 'upsert' | 'void' = 'upsert'): EntryRevision => ({
      id,
      rev,
      op,
      content: content(),
      voidReason: op === 'void' ? 'Fel' : null,
      officerId: 'o2',
      deviceId: 'd2',
      clientTime: new Date(clock).toISOString(),
      serverTime: new Date(clock).toISOString(),
      serverSeq: ++serverSeq,
    });
    const headOfRandom = async () => (ids.length ? getEntry(db, rnd.pick(ids)) : undefined);

    for (let step = 0; step < 400; step++) {
      clock += 60_000;
      const roll = rnd.next();
      let what: string;
      if (roll < 0.3 || ids.length === 0) {
        ids.push((await saveEntry(db, content(), ctx)).id);
        what = 'save';
      } else if (roll < 0.6) {
        // A withdrawal is final on the device too, so only live entries are changed.
        const live = (await db.entries.bulkGet(ids)).filter((h) => h && h.op !== 'void').map((h) => h!.id);
        if (live.length === 0) {
          ids.push((await saveEntry(db, content(), ctx)).id);
          what = 'save';
        } else if (roll < 0.5) {
          await correctEntry(db, rnd.pick(live), content(), ctx);
          what = 'correct';
        } else {
          await voidEntry(db, rnd.pick(live), 'Fel', ctx);
          what = 'void';
        }
      } else if (roll < 0.9) {
        const page: EntryRevision[] = [];
        for (let k = 1 + rnd.int(4); k > 0; k--) {
          const kind = rnd.int(5);
          const head = await headOfRandom();
          if (kind === 0 || !head) {
            // A new entry from another device, sometimes with its correction in the same page.
            const id = crypto.randomUUID();
            ids.push(id);
            page.push(other(id, 1));
            if (rnd.chance(0.3)) page.push(other(id, 2 + rnd.int(2), rnd.chance(0.3) ? 'void' : 'upsert'));
            done['pull new'] = (done['pull new'] ?? 0) + 1;
          } else if (kind === 1) {
            // Newer than the head (own or not); revision numbers may skip.
            page.push(other(head.id, head.rev + 1 + rnd.int(2), rnd.chance(0.3) ? 'void' : 'upsert'));
            done['pull newer'] = (done['pull newer'] ?? 0) + 1;
          } else if (kind === 2 && head.rev > 1) {
            page.push(other(head.id, 1 + rnd.int(head.rev - 1)));
            done['pull older'] = (done['pull older'] ?? 0) + 1;
          } else if (kind === 3) {
            page.push({ ...asRevision(head), serverSeq: ++serverSeq });
            done['pull duplicate'] = (done['pull duplicate'] ?? 0) + 1;
          } else {
            // Another device's revision with the head's number won on the server.
            page.push(other(head.id, head.rev));
            done['pull same rev'] = (done['pull same rev'] ?? 0) + 1;
          }
        }
        // Pages are in server order, which is not always revision order for one entry.
        if (rnd.chance(0.3)) page.reverse();
        await storePulledRevisions(db, page, { key: 'pullCursor', value: serverSeq });
        what = 'pull';
      } else {
        const batch = await nextBatch(db, 5);
        await applyPushResults(db, batch.map(({ item }) => ({ id: item.id, rev: item.rev, status: rnd.chance(0.8) ? 'applied' : 'conflict', serverSeq: ++serverSeq })));
        what = 'push';
      }
      done[what] = (done[what] ?? 0) + 1;
      expect(await stored(), `step ${step} (${what})`).toEqual(await recount());
    }
    // The walk really went everywhere.
    for (const k of ['save', 'correct', 'void', 'pull', 'push', 'pull new', 'pull newer', 'pull older', 'pull duplicate', 'pull same rev']) expect(done[k], k).toBeGreaterThan(5);
    expect(Object.keys(await stored()).length).toBeGreaterThan(20);
    // The recount after every step opens every head (sealed since schema v4): ~80 000 decrypts.
  }, 30_000);
});
