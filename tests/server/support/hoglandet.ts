// The real catalogue (with the demo "exempel" periods) beside the two-area test world,
// and one user per role in Höglandet: for the tallies and completions suites, which need
// real promises (Nässjö per quarter, Sävsjö per tertial) and dates back in 2024.
import { SEED_CATALOGUE, withExamples, type Catalogue } from '../../../src/domain/catalogue/index.ts';
import type { EntryContent } from '../../../src/domain/entry.ts';
import type { Role, User } from '../../../src/domain/sync.ts';
import { createUser } from '../../../server/auth/users.ts';
import { seedCatalogue } from '../../../server/catalogue/seed.ts';
import type { Db } from '../../../server/db/db.ts';
import { stockholmOffsetMinutes } from '../../../src/domain/calendar.ts';
import { FAST_COST, PASSWORD, setupWorld, type World } from './fixtures.ts';

export const HOGLANDET: Catalogue = withExamples(SEED_CATALOGUE);

export type HoglandetKey = 'polis' | 'polis2' | 'chef' | 'samordnare' | 'hadmin';
const USERS: Record<HoglandetKey, Role[]> = {
  polis: ['officer'],
  polis2: ['officer'],
  chef: ['shift_lead'],
  samordnare: ['coordinator'],
  hadmin: ['admin'],
};

/** setupWorld (areas omr-a, omr-b) plus Höglandet's catalogue and users (username = key). */
export async function setupHoglandet(db: Db): Promise<{ world: World; users: Record<HoglandetKey, User> }> {
  const world = await setupWorld(db);
  await seedCatalogue(db, HOGLANDET);
  const users = {} as Record<HoglandetKey, User>;
  for (const [key, roles] of Object.entries(USERS) as [HoglandetKey, Role[]][]) {
    users[key] = await createUser(db, { username: key, displayName: key, password: PASSWORD, roles, policeAreaId: 'hoglandet', passwordCost: FAST_COST });
  }
  return { world, users };
}

/** An entry of the real catalogue: activity "nassjo-2023-a3" gives kommun and promise. */
export function realEntry<K extends EntryContent['kind']>(
  kind: K,
  activityId: string,
  startedAt: string,
  details: Extract<EntryContent, { kind: K }>['details'],
): EntryContent {
  const promise = HOGLANDET.promises.find((p) => p.activities.some((a) => a.id === activityId));
  if (!promise) throw new Error(`no activity ${activityId}`);
  return {
    kind,
    kommunId: promise.kommunId,
    promiseId: promise.id,
    activityId,
    startedAt,
    utcOffsetMinutes: stockholmOffsetMinutes(Date.parse(startedAt)),
    durationMinutes: 60,
    place: 'Resecentrum',
    note: '',
    details,
  } as EntryContent;
}
