// Random but valid field work on the real catalogue: any loggable activity of any
// published promise, at any time in its period up to "now", with detail values that
// pass validation, and a bias towards the last hours before local midnight at the end of
// a quarter or tertial, where an off-by-one-hour bug would move an entry to another bucket.
import type { Catalogue, CitizenPromise, EntryKind } from '../../../src/domain/catalogue/types.ts';
import { addDays, bucketOf, localDate, startOfLocalDate, stockholmOffsetMinutes, type LocalDate } from '../../../src/domain/calendar.ts';
import type { DetailsByKind, EntryContent } from '../../../src/domain/entry.ts';
import { validateEntryContent } from '../../../src/domain/validation.ts';

/** mulberry32: small, seedable, good enough to spread test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

function details(rng: Rng, kind: EntryKind): DetailsByKind[EntryKind] {
  switch (kind) {
    case 'traffic_check': {
      const n = int(rng, 0, 60);
      return { focus: pick(rng, ['hastighet', 'nykterhet', 'beteende', 'tung_trafik', 'allman'] as const), vehiclesChecked: n, breathTests: int(rng, 0, n), reports: int(rng, 0, 5), suspectedImpaired: int(rng, 0, Math.min(n, 3)) };
    }
    case 'vehicle_inspection': {
      const n = int(rng, 0, 20);
      return { vehiclesInspected: n, prohibitions: int(rng, 0, Math.min(n, 3)) };
    }
    case 'drug_operation': {
      const p = int(rng, 0, 15);
      const d = int(rng, 0, 6);
      return { personsChecked: p, personsAged21OrYounger: int(rng, 0, p), drugOffencesDetected: d, drugOffencesAged21OrYounger: int(rng, 0, d), intelligenceLed: rng() < 0.5 };
    }
    case 'targeted_operation':
      return { personsChecked: int(rng, 0, 15), offencesDetected: int(rng, 0, 5), intelligenceLed: rng() < 0.7 };
    case 'lob': {
      const under18 = int(rng, 0, 2);
      const age18to21 = int(rng, 0, 2);
      return { under18, age18to21, over21: under18 + age18to21 === 0 ? int(rng, 1, 3) : int(rng, 0, 3) };
    }
    case 'pl':
      return { count: int(rng, 1, 3), type: pick(rng, ['avvisning', 'avlagsnande', 'omhandertagande', 'annat'] as const) };
    case 'presence':
      return { minutes: int(rng, 1, 240) };
  }
}

/** A start instant in [from, to] (local dates) and not after nowMs; often in the last 90 minutes of a quarter's or tertial's last day. */
function startedAt(rng: Rng, from: LocalDate, to: LocalDate, grain: 'quarter' | 'tertial', nowMs: number): string {
  const lo = startOfLocalDate(from);
  const hi = Math.min(startOfLocalDate(addDays(to, 1)) - 60_000, nowMs);
  let ms = lo + Math.floor(rng() * (hi - lo));
  if (rng() < 0.25) {
    const end = bucketOf(localDate(ms), grain).to;
    const edge = startOfLocalDate(addDays(end, 1)) - int(rng, 1, 90) * 60_000;
    if (edge >= lo && edge <= hi) ms = edge;
  }
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

/** Promises an officer can log against "today": published, started, with loggable activities. */
export function loggablePromises(catalogue: Catalogue, today: LocalDate): CitizenPromise[] {
  return catalogue.promises.filter((p) => p.status === 'published' && p.validFrom <= today && p.activities.some((a) => a.entryKinds.length > 0));
}

export function randomContent(rng: Rng, catalogue: Catalogue, nowMs: number, within?: CitizenPromise): EntryContent {
  const today = localDate(nowMs);
  const promise = within ?? pick(rng, loggablePromises(catalogue, today));
  const activity = pick(rng, promise.activities.filter((a) => a.entryKinds.length > 0));
  const kind = pick(rng, activity.entryKinds);
  const to = promise.validTo < today ? promise.validTo : today;
  const at = startedAt(rng, promise.validFrom, to, promise.reportingPeriod, nowMs);
  const content = {
    kind,
    kommunId: promise.kommunId,
    promiseId: promise.id,
    activityId: activity.id,
    startedAt: at,
    utcOffsetMinutes: stockholmOffsetMinutes(Date.parse(at)),
    durationMinutes: rng() < 0.3 ? null : int(rng, 5, 300),
    place: pick(rng, ['Resecentrum', 'Rv 31 norr', 'Storgatan', 'Skolan', 'Sporthallen']),
    note: rng() < 0.1 ? 'Lugnt' : '',
    details: details(rng, kind),
  } as EntryContent;
  const valid = validateEntryContent(content);
  if (!valid.ok) throw new Error(`generator made an invalid entry: ${JSON.stringify(valid.issues)}`);
  return valid.value;
}
