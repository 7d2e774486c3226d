// The device's copy of the promise catalogue, replaced whole when the server's ETag changes.
import type { Catalogue } from '../domain/catalogue/types.ts';
import type { CatalogueMeta, FieldLogDb } from './schema.ts';

const META_KEY = 'catalogue';

export async function saveCatalogue(db: FieldLogDb, catalogue: Catalogue, etag: string | null): Promise<void> {
  const meta: CatalogueMeta = { policeAreas: catalogue.policeAreas, kommuner: catalogue.kommuner, etag };
  await db.transaction('rw', db.promises, db.meta, async () => {
    await db.promises.clear();
    await db.promises.bulkPut(catalogue.promises);
    await db.meta.put({ key: META_KEY, value: meta });
  });
}

export async function loadCatalogue(db: FieldLogDb): Promise<{ catalogue: Catalogue; etag: string | null } | null> {
  return db.transaction('r', db.promises, db.meta, async () => {
    const row = await db.meta.get(META_KEY);
    if (!row) return null;
    const meta = row.value as CatalogueMeta;
    const promises = await db.promises.toArray();
    return { catalogue: { policeAreas: meta.policeAreas, kommuner: meta.kommuner, promises }, etag: meta.etag };
  });
}
