// DEMO ONLY: the 2025–2026 "exempel" periods, one per kommun, renewed from the kommun's
// latest real promise by the demo coordinator through the same renewPeriod and
// publishPromise a coordinator's "Förnya" and "Publicera" use. The result is the
// document withExamples (src/domain/catalogue/demo.ts) describes; a test checks the two
// are equal. Idempotent: a period that exists is left as it is.
import { EXAMPLE_PERIOD } from '../src/domain/catalogue/demo.ts';
import { promisesOf, type CitizenPromise } from '../src/domain/catalogue/index.ts';
import { findUserByUsername } from './auth/users.ts';
import { CatalogueStore } from './catalogue/store.ts';
import { findStoredPromise } from './catalogue/promise-rows.ts';
import { publishPromise, renewPeriod, type EditActor } from './catalogue/editing.ts';
import type { Db } from './db/db.ts';

export const EXAMPLE_TITLE = 'Medborgarlöfte 2025–2026 (exempel)';
const DEMO_COORDINATOR = 'samordnare';

/** Creates the missing example periods; returns those created. Needs the demo users. */
export async function ensureExamplePeriods(db: Db, nowMs: number): Promise<CitizenPromise[]> {
  const coordinator = await findUserByUsername(db, DEMO_COORDINATOR);
  const actor: EditActor = {
    userId: coordinator?.id ?? null,
    username: coordinator?.username ?? 'demo',
    kommunIds: null,
    deviceId: null,
    ip: null,
    nowMs,
  };
  const catalogue = await new CatalogueStore(db).all();
  const created: CitizenPromise[] = [];
  for (const kommun of catalogue.kommuner) {
    const id = `${kommun.id}-2025-exempel`;
    const latestReal = promisesOf(catalogue, kommun.id).find((p) => !p.example);
    if (!latestReal) continue;
    const promise = await db.transaction(async (tx) => {
      if (await findStoredPromise(tx, id)) return null;
      const draft = await renewPeriod(tx, actor, latestReal.id, { id, ...EXAMPLE_PERIOD, signedOn: null, title: EXAMPLE_TITLE, example: true });
      return publishPromise(tx, actor, draft.id, draft.version);
    });
    if (promise) created.push(promise);
  }
  return created;
}
