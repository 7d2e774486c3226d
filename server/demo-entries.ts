// DEMO DATA ONLY, seeded by `--demo` (npm start) so that the dashboard, the report and
// the unsent-work panel have something to show. Everything is made against the
// made-up "exempel" promises (ids ending "-exempel"), by the demo officers, with notes
// starting "Demo:" and device ids starting "demo-".
//
// Deterministic (seeded PRNG, ids from a hash) and independent of the day it runs: the
// data is one fixed timeline over the example period, of which everything up to now is
// pushed. A restart pushes the same changes again, which the server answers "duplicate"
// and stores nothing; a restart weeks later adds only what has become due since.
// Entries go through the real push path (prepareChange → applyPush), so they are
// validated, audited and counted exactly like an officer's.
import { createHash } from 'node:crypto';
import { addDays, localDate, startOfLocalDate, stockholmOffsetMinutes } from '../src/domain/calendar.ts';
import { loggableActivities, type Catalogue, type CitizenPromise, type EntryKind } from '../src/domain/catalogue/index.ts';
import { EXAMPLE_PERIOD } from '../src/domain/catalogue/demo.ts';
import type { DetailsByKind, EntryContent } from '../src/domain/entry.ts';
import type { PushChange, PushResult, User } from '../src/domain/sync.ts';
import { checkCompletion, completionOwner, type CompletionInput } from '../src/domain/tallies/completions.ts';
import { findUserByUsername, toUser } from './auth/users.ts';
import { CatalogueStore } from './catalogue/store.ts';
import { findCompletion, insertCompletion, withdrawCompletion, type WriteOrigin } from './completions/store.ts';
import type { Db } from './db/db.ts';
import { DEMO_POLICE_AREA } from './demo-users.ts';
import { prepareChange } from './sync/prepare.ts';
import { applyPush } from './sync/push.ts';

/** Entries over the whole example period (2025–2026); about 500 of them are due by late 2026. */
export const DEMO_ENTRIES = 540;
const BATCH = 100;
const SEED = 20250101;
const OFFICERS = ['polis1', 'polis2'] as const;
const COORDINATOR = 'samordnare';
const KOMMUN_WEIGHTS: Record<string, number> = { nassjo: 35, vetlanda: 25, tranas: 25, savsjo: 15 };

const PLACES: Record<string, string[]> = {
  nassjo: ['Resecentrum', 'Stora torget', 'Rv 31 norr', 'Runneryd', 'Skolområdet i centrum'],
  tranas: ['Storgatan', 'Resecentrum', 'Rv 32 söder', 'Ängaparken'],
  savsjo: ['Centrum', 'Stationsområdet', 'Rv 127'],
  vetlanda: ['Storgatan', 'Rv 31 mot Nässjö', 'Busstationen', 'Badhusparken'],
};
const NOTES: Record<EntryKind, string[]> = {
  traffic_check: ['Demo: nykterhetskontroll vid infarten', 'Demo: hastighetskontroll', 'Demo: kontroll av tung trafik'],
  vehicle_inspection: ['Demo: flygande inspektion med bilinspektör'],
  drug_operation: ['Demo: riktad insats mot narkotika bland unga', 'Demo: insats efter tips'],
  targeted_operation: ['Demo: riktad insats'],
  lob: ['Demo: omhändertagen efter krogstängning'],
  pl: ['Demo: avlägsnad från platsen'],
  presence: ['Demo: synlig närvaro', 'Demo: fotpatrull i centrum'],
};

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A fixed, valid (version 4 layout), lowercase UUID for a name. */
export function demoUuid(name: string): string {
  const h = createHash('sha256').update(`medborgarlofte-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Rand = () => number;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function details(rand: Rand, kind: EntryKind, focus: DetailsByKind['traffic_check']['focus'] | undefined): DetailsByKind[EntryKind] {
  switch (kind) {
    case 'traffic_check': {
      const f = focus ?? pick(rand, ['nykterhet', 'hastighet', 'beteende'] as const);
      const vehicles = int(rand, 8, 70);
      return { focus: f, vehiclesChecked: vehicles, breathTests: f === 'nykterhet' ? vehicles : int(rand, 0, 5), reports: int(rand, 0, 6), suspectedImpaired: Math.min(vehicles, rand() < 0.3 ? int(rand, 1, 2) : 0) };
    }
    case 'vehicle_inspection': {
      const inspected = int(rand, 3, 14);
      return { vehiclesInspected: inspected, prohibitions: Math.min(inspected, int(rand, 0, 3)) };
    }
    case 'drug_operation': {
      const persons = int(rand, 2, 14);
      const offences = int(rand, 0, 4);
      return { personsChecked: persons, personsAged21OrYounger: int(rand, 0, persons), drugOffencesDetected: offences, drugOffencesAged21OrYounger: int(rand, 0, offences), intelligenceLed: rand() < 0.4 };
    }
    case 'targeted_operation':
      return { personsChecked: int(rand, 2, 12), offencesDetected: int(rand, 0, 3), intelligenceLed: rand() < 0.6 };
    case 'lob': {
      const r = rand();
      return { under18: r < 0.1 ? 1 : 0, age18to21: r >= 0.1 && r < 0.3 ? 1 : 0, over21: r >= 0.3 ? 1 : 0 };
    }
    case 'pl':
      return { count: int(rand, 1, 2), type: pick(rand, ['avvisning', 'avlagsnande', 'omhandertagande'] as const) };
    case 'presence':
      return { minutes: int(rand, 30, 180) };
  }
}

export interface DemoChange {
  officer: (typeof OFFICERS)[number];
  change: PushChange;
  /** When the change exists: pushed only once this has passed. */
  dueMs: number;
}

const PERIOD_DAYS = 730;

/** The whole demo timeline: every change of every demo entry, in push order. Pure. */
export function demoChanges(examples: readonly CitizenPromise[]): DemoChange[] {
  const rand = prng(SEED);
  const byKommun = examples.map((p) => ({ promise: p, weight: KOMMUN_WEIGHTS[p.kommunId] ?? 10, loggable: loggableActivities(p) })).filter((k) => k.loggable.length > 0);
  const total = byKommun.reduce((n, k) => n + k.weight, 0);
  const out: DemoChange[] = [];
  for (let i = 0; i < DEMO_ENTRIES; i++) {
    let r = rand() * total;
    const k = byKommun.find((x) => (r -= x.weight) < 0) ?? byKommun[0]!;
    const { activity, entryKind: kind } = pick(rand, k.loggable);
    const day = addDays(EXAMPLE_PERIOD.validFrom, int(rand, 0, PERIOD_DAYS - 2)); // a night shift may end on the next day
    // Mostly evenings and nights, some daytime.
    const hour = rand() < 0.7 ? int(rand, 17, 26) : int(rand, 8, 16);
    const startedMs = startOfLocalDate(day) + hour * 3_600_000 + int(rand, 0, 11) * 5 * 60_000;
    const duration = kind === 'presence' ? null : int(rand, 2, 16) * 15;
    const content = {
      kind,
      kommunId: k.promise.kommunId,
      promiseId: k.promise.id,
      activityId: activity.id,
      startedAt: new Date(startedMs).toISOString(),
      utcOffsetMinutes: stockholmOffsetMinutes(startedMs),
      durationMinutes: duration,
      place: pick(rand, PLACES[k.promise.kommunId] ?? ['Centrum']),
      note: pick(rand, NOTES[kind]),
      details: details(rand, kind, activity.focus),
    } as EntryContent;
    const officer = rand() < 0.55 ? OFFICERS[0] : OFFICERS[1];
    const id = demoUuid(`entry-${i}`);
    const loggedMs = startedMs + ((duration ?? 60) + 10) * 60_000;
    out.push({ officer, dueMs: loggedMs, change: { id, rev: 1, op: 'upsert', entry: content, voidReason: null, clientTime: new Date(loggedMs).toISOString() } });
    const fate = rand();
    const laterMs = loggedMs + 20 * 3_600_000;
    if (fate < 0.04) {
      // A correction the next day: the officer miscounted.
      const corrected = { ...content, note: `${content.note} (rättad)`, details: details(rand, kind, activity.focus) } as EntryContent;
      out.push({ officer, dueMs: laterMs, change: { id, rev: 2, op: 'upsert', entry: corrected, voidReason: null, clientTime: new Date(laterMs).toISOString() } });
    } else if (fate < 0.06) {
      out.push({ officer, dueMs: laterMs, change: { id, rev: 2, op: 'void', entry: content, voidReason: 'Demo: registrerad två gånger.', clientTime: new Date(laterMs).toISOString() } });
    }
  }
  return out;
}

/** Kommun-owned and joint activities marked done by the demo coordinator; one later withdrawn. */
export function demoCompletions(examples: readonly CitizenPromise[]): (CompletionInput & { withdrawReason?: string })[] {
  const rand = prng(SEED + 1);
  const out: (CompletionInput & { withdrawReason?: string })[] = [];
  for (const promise of examples) {
    for (const activity of promise.activities) {
      if (activity.entryKinds.length > 0) continue;
      const times = activity.target.kind === 'count' && activity.target.per === 'year' ? 4 : int(rand, 1, 2);
      for (let n = 0; n < times; n++) {
        const doneOn = addDays(EXAMPLE_PERIOD.validFrom, int(rand, 20, PERIOD_DAYS - 30));
        out.push({ id: demoUuid(`completion-${activity.id}-${n}`), activityId: activity.id, doneOn, note: `Demo: ${activity.title.toLowerCase()} genomförd` });
      }
    }
  }
  // The earliest one, so that it is due whenever the demo starts.
  const earliest = out.reduce<(typeof out)[number] | undefined>((min, c) => (!min || c.doneOn < min.doneOn ? c : min), undefined);
  if (earliest) earliest.withdrawReason = 'Demo: fel datum, genomförs senare.';
  return out;
}

export interface DemoSeedResult {
  /** Pushed this time (due by now), and how the server answered them. */
  pushed: number;
  results: Record<PushResult['status'], number>;
  completionsCreated: number;
}

async function demoUser(db: Db, username: string): Promise<User> {
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error(`demo user ${username} is missing: run ensureDemoUsers first`);
  return toUser(row);
}

/** Seeds what is due by nowMs. Needs the example periods (ensureExamplePeriods) and the demo users. */
export async function seedDemoData(db: Db, nowMs: number): Promise<DemoSeedResult> {
  const { catalogue } = await new CatalogueStore(db).forArea(DEMO_POLICE_AREA);
  const examples = catalogue.promises.filter((p) => p.example && p.id.endsWith('-exempel'));
  const results: DemoSeedResult['results'] = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
  const due = demoChanges(examples).filter((c) => c.dueMs <= nowMs);
  for (const officer of OFFICERS) {
    const user = await demoUser(db, officer);
    const mine = due.filter((c) => c.officer === officer).map((c) => c.change);
    for (let i = 0; i < mine.length; i += BATCH) {
      const changes = mine.slice(i, i + BATCH).map((raw) => prepareChange(raw, user, catalogue, nowMs));
      const heartbeat = { appVersion: 'demo', queuedCount: 0, oldestQueuedAt: null };
      const outcome = await applyPush(db, { user, deviceId: `demo-${officer}-telefon`, ip: '127.0.0.1', heartbeat, changes, nowMs });
      for (const [status, n] of Object.entries(outcome.counts)) results[status as PushResult['status']] += n;
    }
  }
  const completionsCreated = await seedCompletions(db, catalogue, examples, nowMs);
  await seedUnsentDevice(db, nowMs);
  return { pushed: due.length, results, completionsCreated };
}

async function seedCompletions(db: Db, catalogue: Catalogue, examples: readonly CitizenPromise[], nowMs: number): Promise<number> {
  const user = await demoUser(db, COORDINATOR);
  const origin: WriteOrigin = { user, deviceId: `demo-${COORDINATOR}-dator`, ip: '127.0.0.1', nowMs };
  const today = localDate(nowMs);
  let created = 0;
  for (const { withdrawReason, ...input } of demoCompletions(examples)) {
    const owner = completionOwner(catalogue, input.activityId);
    if (!owner || checkCompletion(input, catalogue, today).length) continue; // not due yet
    const kommun = catalogue.kommuner.find((k) => k.id === owner.kommunId);
    await db.transaction(async (tx) => {
      if (await insertCompletion(tx, { input, ...owner, policeAreaId: kommun?.policeAreaId ?? DEMO_POLICE_AREA }, origin)) created += 1;
      if (withdrawReason && (await findCompletion(tx, input.id, true))?.withdrawnAt === null) await withdrawCompletion(tx, input.id, withdrawReason, origin);
    });
  }
  return created;
}

/**
 * A tablet that synced three hours ago with four entries still queued since the day
 * before: older than a shift, so the shift lead's "unsent work" panel warns. Written
 * once; a restart leaves it (and its growing age) alone.
 */
async function seedUnsentDevice(db: Db, nowMs: number): Promise<void> {
  const user = await demoUser(db, OFFICERS[1]);
  await db.query(
    `INSERT INTO devices (device_id, user_id, last_seen_at, queued_count, oldest_queued_at, app_version, ip)
     VALUES ($1, $2, $3, 4, $4, 'demo', NULL) ON CONFLICT (device_id) DO NOTHING`,
    [`demo-${OFFICERS[1]}-surfplatta`, user.id, new Date(nowMs - 3 * 3_600_000), new Date(nowMs - 27 * 3_600_000)],
  );
}
