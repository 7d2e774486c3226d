// 100 000 entries for the dashboard bench, spread over every published promise of the
// seed + example catalogue (all four kommuner, 2019–2026), with corrections and voids,
// and coordinators' completions. Bulk-loaded (fill.ts): sealed heads, revisions and day
// rows are written in 10 000-entry transactions with the app's own contribution helper
// (trackHeadChange), not through 100 000 single saves, which would only time the filling.
import { FieldLogDb, headOf } from '../../src/db/index.ts';
import { bulkStore } from './fill.ts';
import { loggableActivities, type Catalogue, type CitizenPromise } from '../../src/domain/catalogue/index.ts';
import { startOfLocalDate, addDays, type LocalDate } from '../../src/domain/calendar.ts';
import type { EntryContent, EntryRevision } from '../../src/domain/entry.ts';
import type { ActivityCompletion } from '../../src/domain/tallies/index.ts';

export const DASHBOARD_ENTRIES = 100_000;
export const DASHBOARD_KOMMUN = 'nassjo';
/** A fixed "today" inside the example period, so the figures do not drift with the calendar. */
export const DASHBOARD_TODAY: LocalDate = '2025-11-15';
const CHUNK = 10_000;

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

function contentFor(rnd: ReturnType<typeof prng>, promise: CitizenPromise, startedAt: string): EntryContent {
  const options = loggableActivities(promise);
  const { activity, entryKind } = options[rnd.int(options.length)]!;
  const n = (max: number) => rnd.int(max + 1);
  const base = { kommunId: promise.kommunId, promiseId: promise.id, activityId: activity.id, startedAt, utcOffsetMinutes: 60, durationMinutes: 60, place: 'Storgatan', note: '' };
  switch (entryKind) {
    case 'traffic_check':
      return { ...base, kind: entryKind, details: { focus: 'allman', vehiclesChecked: n(60), breathTests: n(40), reports: n(3), suspectedImpaired: n(1) } };
    case 'vehicle_inspection':
      return { ...base, kind: entryKind, details: { vehiclesInspected: n(20), prohibitions: n(2) } };
    case 'drug_operation':
      return { ...base, kind: entryKind, details: { personsChecked: n(10), personsAged21OrYounger: n(5), drugOffencesDetected: n(3), drugOffencesAged21OrYounger: n(2), intelligenceLed: rnd.next() < 0.5 } };
    case 'targeted_operation':
      return { ...base, kind: entryKind, details: { personsChecked: n(10), offencesDetected: n(3), intelligenceLed: rnd.next() < 0.5 } };
    case 'lob':
      return { ...base, kind: entryKind, details: { under18: n(1), age18to21: n(1), over21: n(2) } };
    case 'pl':
      return { ...base, kind: entryKind, details: { count: 1 + n(2), type: 'avvisning' } };
    case 'presence':
      return { ...base, kind: entryKind, details: { minutes: 15 * (1 + n(7)) } };
  }
}

export interface DashboardData {
  revisions: number;
  completions: ActivityCompletion[];
  /** What a tally of the kommun over Stockholm days [from, to] must count: live entries and live completions. */
  liveIn: (kommunId: string, from: LocalDate, to: LocalDate) => number;
}

export async function fillDashboard(db: FieldLogDb, catalogue: Catalogue): Promise<DashboardData> {
  const rnd = prng(100_000);
  const promises = catalogue.promises.filter((p) => p.status === 'published' && loggableActivities(p).length > 0);
  const liveDays = new Map<string, LocalDate[]>();
  let revisionCount = 0;
  let serverSeq = 0;
  const revision = (id: string, rev: number, op: 'upsert' | 'void', content: EntryContent): EntryRevision => ({
    id, rev, op, content, voidReason: op === 'void' ? 'Fel' : null, officerId: `o${rnd.int(40)}`, deviceId: 'bench', clientTime: content.startedAt, serverTime: content.startedAt, serverSeq: ++serverSeq,
  });

  for (let done = 0; done < DASHBOARD_ENTRIES; done += CHUNK) {
    const revisions: EntryRevision[] = [];
    for (let i = 0; i < CHUNK; i++) {
      const promise = promises[rnd.int(promises.length)]!;
      const start = startOfLocalDate(promise.validFrom);
      const end = startOfLocalDate(addDays(promise.validTo, 1));
      const at = () => new Date(start + Math.floor(rnd.next() * (end - start))).toISOString();
      const id = crypto.randomUUID();
      const first = revision(id, 1, 'upsert', contentFor(rnd, promise, at()));
      const roll = rnd.next();
      // One in ten corrected (possibly to another day and activity), one in twenty withdrawn.
      const last = roll < 0.1 ? revision(id, 2, 'upsert', contentFor(rnd, promise, at())) : roll < 0.15 ? revision(id, 2, 'void', first.content) : first;
      revisions.push(first);
      if (last !== first) revisions.push(last);
      const head = headOf(last);
      if (last.op !== 'void') {
        const list = liveDays.get(head.content.kommunId) ?? [];
        list.push(head.localDay);
        liveDays.set(head.content.kommunId, list);
      }
    }
    revisionCount += revisions.length;
    await bulkStore(db, revisions, { queued: false });
  }

  // Kommun-owned and joint activities: a few marks per activity and year, one in ten withdrawn.
  const completions: ActivityCompletion[] = [];
  for (const p of catalogue.promises.filter((x) => x.status === 'published')) {
    for (const a of p.activities.filter((x) => x.entryKinds.length === 0)) {
      for (let k = 0; k < 3; k++) {
        const doneOn = addDays(p.validFrom, rnd.int(Math.max(1, (startOfLocalDate(p.validTo) - startOfLocalDate(p.validFrom)) / 86_400_000)));
        const withdrawn = rnd.next() < 0.1;
        completions.push({
          id: crypto.randomUUID(), kommunId: p.kommunId, promiseId: p.id, activityId: a.id, doneOn, note: '', recordedBy: 'u-s', recordedByName: 'Samordnare',
          recordedAt: `${doneOn}T12:00:00.000Z`, withdrawnAt: withdrawn ? `${doneOn}T13:00:00.000Z` : null, withdrawnReason: withdrawn ? 'Fel' : null,
        });
      }
    }
  }

  return {
    revisions: revisionCount,
    completions,
    liveIn: (kommunId, from, to) =>
      (liveDays.get(kommunId) ?? []).filter((d) => d >= from && d <= to).length +
      completions.filter((c) => c.kommunId === kommunId && c.withdrawnAt === null && c.doneOn >= from && c.doneOn <= to).length,
  };
}
