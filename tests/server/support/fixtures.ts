// Test data: a small hand-made catalogue with two police areas (so scope rules can be
// checked across areas), users of every role, and entry builders.
import { randomUUID } from 'node:crypto';
import type { Activity, Catalogue, CitizenPromise } from '../../../src/domain/catalogue/index.ts';
import type { EntryContent } from '../../../src/domain/entry.ts';
import type { PushChange, Role, User } from '../../../src/domain/sync.ts';
import { createUser } from '../../../server/auth/users.ts';
import { seedCatalogue } from '../../../server/catalogue/seed.ts';
import type { Db } from '../../../server/db/db.ts';
import { migrate } from '../../../server/db/migrate.ts';

export const T0 = Date.parse('2025-06-15T10:00:00.000Z');
export const PASSWORD = 'rätt-lösenord-123';
/** Cheap hashes keep the suites fast; the auth suite also checks the real cost. */
export const FAST_COST = { N: 2 ** 10, r: 8, p: 1 };

function activity(promiseId: string, suffix: string, kind: Activity['kind'], entryKinds: Activity['entryKinds']): Activity {
  return { id: `${promiseId}-${suffix}`, promiseId, commitmentId: null, kind, owner: 'polisen', entryKinds, target: { kind: 'none' }, title: suffix, text: suffix };
}

function promise(id: string, kommunId: string, status: CitizenPromise['status'] = 'published'): CitizenPromise {
  return {
    id,
    kommunId,
    title: `Medborgarlöfte ${id}`,
    validFrom: '2025-01-01',
    validTo: '2026-12-31',
    signedOn: null,
    reportingPeriod: 'quarter',
    status,
    example: true,
    source: 'test',
    commitments: [],
    activities: [
      activity(id, 'trafik', 'traffic_check', ['traffic_check']),
      activity(id, 'lob', 'lob', ['lob', 'pl']),
      activity(id, 'vandring', 'safety_walk', []),
    ],
    version: 1,
  };
}

export const TEST_CATALOGUE: Catalogue = {
  policeAreas: [
    { id: 'omr-a', name: 'Område A' },
    { id: 'omr-b', name: 'Område B' },
  ],
  kommuner: [
    { id: 'kommun-a1', name: 'Aby', policeAreaId: 'omr-a' },
    { id: 'kommun-a2', name: 'Aköping', policeAreaId: 'omr-a' },
    { id: 'kommun-b1', name: 'Bstad', policeAreaId: 'omr-b' },
  ],
  promises: [promise('a1-2025', 'kommun-a1'), promise('a2-2025', 'kommun-a2'), promise('b1-2025', 'kommun-b1'), promise('a1-utkast', 'kommun-a1', 'draft')],
};

export type UserKey = 'officerA' | 'officerA2' | 'leadA' | 'coordA' | 'adminA' | 'officerB' | 'leadB';
const USERS: Record<UserKey, { roles: Role[]; area: string }> = {
  officerA: { roles: ['officer'], area: 'omr-a' },
  officerA2: { roles: ['officer'], area: 'omr-a' },
  leadA: { roles: ['shift_lead'], area: 'omr-a' },
  coordA: { roles: ['coordinator'], area: 'omr-a' },
  adminA: { roles: ['admin'], area: 'omr-a' },
  officerB: { roles: ['officer'], area: 'omr-b' },
  leadB: { roles: ['shift_lead'], area: 'omr-b' },
};

export type World = Record<UserKey, User>;

/** Migrated schema, the test catalogue, and one user per key (username = key lowercased). */
export async function setupWorld(db: Db): Promise<World> {
  await migrate(db);
  await seedCatalogue(db, TEST_CATALOGUE);
  const world = {} as World;
  for (const [key, u] of Object.entries(USERS) as [UserKey, (typeof USERS)[UserKey]][]) {
    world[key] = await createUser(db, { username: key, displayName: key, password: PASSWORD, roles: u.roles, policeAreaId: u.area, passwordCost: FAST_COST });
  }
  return world;
}

export function trafficEntry(overrides: Partial<Extract<EntryContent, { kind: 'traffic_check' }>> = {}, promiseId = 'a1-2025', kommunId = 'kommun-a1'): EntryContent {
  return {
    kind: 'traffic_check',
    kommunId,
    promiseId,
    activityId: `${promiseId}-trafik`,
    startedAt: '2025-06-14T20:00:00.000Z',
    utcOffsetMinutes: 120,
    durationMinutes: 90,
    place: 'Rv 31 norr',
    note: '',
    details: { focus: 'nykterhet', vehiclesChecked: 40, breathTests: 40, reports: 2, suspectedImpaired: 1 },
    ...overrides,
  };
}

export function entryInArea(area: 'a' | 'b'): EntryContent {
  return area === 'a' ? trafficEntry() : trafficEntry({}, 'b1-2025', 'kommun-b1');
}

export function upsert(entry: EntryContent = trafficEntry(), id: string = randomUUID(), rev = 1): PushChange {
  return { id, rev, op: 'upsert', entry, voidReason: null, clientTime: new Date(T0 - 60_000).toISOString() };
}

export function voidChange(entry: EntryContent, id: string, rev: number, reason = 'Felregistrerad, dubblett.'): PushChange {
  return { id, rev, op: 'void', entry, voidReason: reason, clientTime: new Date(T0 - 30_000).toISOString() };
}
