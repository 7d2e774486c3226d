// Puts the shipped catalogue into the database at start. Idempotent and additive:
// rows that exist are left alone, so a coordinator's later edit of a promise is never
// overwritten by a restart.
import type { Catalogue } from '../../src/domain/catalogue/index.ts';
import type { Db } from '../db/db.ts';

export interface SeedResult {
  policeAreas: number;
  kommuner: number;
  promises: number;
}

export async function seedCatalogue(db: Db, catalogue: Catalogue): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const areas = await tx.query(
      `INSERT INTO police_areas (id, name)
       SELECT id, name FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, name text)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(catalogue.policeAreas)],
    );
    const kommuner = await tx.query(
      `INSERT INTO kommuner (id, name, police_area_id)
       SELECT id, name, "policeAreaId" FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, name text, "policeAreaId" text)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(catalogue.kommuner)],
    );
    const promises = await tx.query(
      `INSERT INTO promises (id, kommun_id, status, version, doc)
       SELECT d->>'id', d->>'kommunId', d->>'status', (d->>'version')::int, d
       FROM jsonb_array_elements($1::text::jsonb) AS d
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(catalogue.promises)],
    );
    return { policeAreas: areas.length, kommuner: kommuner.length, promises: promises.length };
  });
}
