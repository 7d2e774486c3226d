// The 10 000 entries both sync benchmarks push: one officer's unsent work, spread over
// the active promises of their police area's kommuner, every activity that can be
// logged, the last seven weeks. Made once in Node, so that the app and PouchDB get the
// very same ids and JSON content. Each is checked with the domain's own rules (the
// server's), so a figure can never come from a run that had entries refused.
import { randomUUID } from 'node:crypto';
import { activePromise, checkEntryAgainstCatalogue, loggableActivities, type Catalogue, type Activity } from '../src/domain/catalogue/index.ts';
import { localDate, stockholmOffsetMinutes } from '../src/domain/calendar.ts';
import type { DetailsByKind, EntryContent } from '../src/domain/entry.ts';
import type { PushChange } from '../src/domain/sync.ts';
import { validateEntryContent } from '../src/domain/validation.ts';

type Kind = keyof DetailsByKind;

/** A small seeded generator, so two runs push the same kinds and counts. */
function prng(seed: number) {
  let a = seed >>> 0;
  return (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max + 1));
  };
}

function details(n: (max: number) => number, kind: Kind, activity: Activity): DetailsByKind[Kind] {
  switch (kind) {
    case 'traffic_check': {
      const vehicles = 5 + n(60);
      return { focus: activity.focus ?? 'nykterhet', vehiclesChecked: vehicles, breathTests: vehicles, reports: n(4), suspectedImpaired: n(1) };
    }
    case 'vehicle_inspection':
      return { vehiclesInspected: 3 + n(10), prohibitions: n(2) };
    case 'drug_operation':
      return { personsChecked: 4 + n(10), personsAged21OrYounger: n(4), drugOffencesDetected: n(3), drugOffencesAged21OrYounger: 0, intelligenceLed: n(1) === 1 };
    case 'targeted_operation':
      return { personsChecked: 2 + n(10), offencesDetected: n(3), intelligenceLed: true };
    case 'lob':
      return { under18: 0, age18to21: n(1), over21: 1 };
    case 'pl':
      return { count: 1 + n(1), type: 'avvisning' };
    case 'presence':
      return { minutes: 30 + 15 * n(6) };
  }
}

const PLACES = ['Resecentrum', 'Storgatan', 'Rv 31 norr', 'Stortorget', 'Skolgården', 'Idrottsplatsen'];
const NOTES = ['', '', 'Lugnt', 'Samverkan med kommunens trygghetsvärdar', 'Kontroll vid avfarten'];

export function makeChanges(catalogue: Catalogue, kommunIds: readonly string[], count: number, nowMs: number): PushChange[] {
  const today = localDate(nowMs);
  const targets = kommunIds.flatMap((k) => {
    const promise = activePromise(catalogue, k, today);
    return promise ? loggableActivities(promise).map((l) => ({ promise, ...l })) : [];
  });
  if (targets.length === 0) throw new Error(`no active promise with loggable activities in ${kommunIds.join(', ')} on ${today}`);
  const n = prng(10_000);
  const changes: PushChange[] = [];
  for (let i = 0; i < count; i++) {
    const { promise, activity, entryKind } = targets[i % targets.length]!;
    // Seven minutes apart, newest first (10 000 reach back about seven weeks), each
    // saved an hour after it started: the newest ten minutes ago, none in the future.
    const startedMs = nowMs - (i + 10) * 7 * 60_000;
    const entry = {
      kind: entryKind,
      kommunId: promise.kommunId,
      promiseId: promise.id,
      activityId: activity.id,
      startedAt: new Date(startedMs).toISOString(),
      utcOffsetMinutes: stockholmOffsetMinutes(startedMs),
      durationMinutes: entryKind === 'presence' ? null : 30 + 15 * n(6),
      place: PLACES[n(PLACES.length - 1)]!,
      note: NOTES[n(NOTES.length - 1)]!,
      details: details(n, entryKind, activity),
    } as EntryContent;
    const valid = validateEntryContent(entry);
    const issues = valid.ok ? checkEntryAgainstCatalogue(entry, catalogue, nowMs) : valid.issues;
    if (issues.length > 0) throw new Error(`generated entry ${i} is invalid: ${JSON.stringify(issues)}`);
    changes.push({ id: randomUUID(), rev: 1, op: 'upsert', entry, voidReason: null, clientTime: new Date(startedMs + 60 * 60_000).toISOString() });
  }
  return changes;
}
