// The catalogue as the server serves and validates against, read from the database.
// Cached per process and keyed by catalogue_version (bumped by a trigger on every
// change), so a coordinator's edit made through another process is seen on the next
// request at the cost of one tiny query.
import { createHash } from 'node:crypto';
import type { Catalogue, CitizenPromise, Kommun, PoliceArea } from '../../src/domain/catalogue/index.ts';
import type { Queryable } from '../db/db.ts';

export interface AreaCatalogue {
  catalogue: Catalogue;
  /** Strong ETag of the JSON body, quoted. */
  etag: string;
  body: string;
}

export class CatalogueStore {
  private version = -1;
  private full: Catalogue | null = null;
  private byArea = new Map<string, AreaCatalogue>();

  constructor(private readonly db: Queryable) {}

  /** Everything published, all areas. */
  async all(): Promise<Catalogue> {
    const [row] = await this.db.query<{ version: number }>('SELECT version FROM catalogue_version');
    const version = Number(row?.version ?? 0);
    if (this.full && version === this.version) return this.full;
    const [areas, kommuner, promises] = await Promise.all([
      this.db.query<PoliceArea>('SELECT id, name FROM police_areas ORDER BY id'),
      this.db.query<Kommun>('SELECT id, name, police_area_id AS "policeAreaId" FROM kommuner ORDER BY id'),
      this.db.query<{ doc: CitizenPromise }>(
        `SELECT doc FROM promises WHERE status = 'published' ORDER BY kommun_id, doc->>'validFrom', id`,
      ),
    ]);
    this.full = { policeAreas: areas, kommuner, promises: promises.map((p) => p.doc) };
    this.version = version;
    this.byArea.clear();
    return this.full;
  }

  /** What a user of `policeAreaId` may see: their area, its kommuner and their published promises. */
  async forArea(policeAreaId: string): Promise<AreaCatalogue> {
    const full = await this.all();
    const cached = this.byArea.get(policeAreaId);
    if (cached) return cached;
    const kommuner = full.kommuner.filter((k) => k.policeAreaId === policeAreaId);
    const ids = new Set(kommuner.map((k) => k.id));
    const catalogue: Catalogue = {
      policeAreas: full.policeAreas.filter((a) => a.id === policeAreaId),
      kommuner,
      promises: full.promises.filter((p) => ids.has(p.kommunId)),
    };
    const body = JSON.stringify(catalogue);
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    const result = { catalogue, etag, body };
    this.byArea.set(policeAreaId, result);
    return result;
  }
}
