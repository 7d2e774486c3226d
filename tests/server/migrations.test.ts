// Schema migrations, catalogue seeding and the append-only guards.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_CATALOGUE, withExamples } from '../../src/domain/catalogue/index.ts';
import { seedCatalogue } from '../../server/catalogue/seed.ts';
import { CatalogueStore } from '../../server/catalogue/store.ts';
import { loadMigrations, migrate } from '../../server/db/migrate.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';

describeBackends('migrations and seeding', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  });
  afterAll(() => t.close());

  it('applies every migration once; a second run applies nothing', async () => {
    const all = await loadMigrations();
    expect(await migrate(t.db)).toEqual(all.map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version));
  });

  it('refuses to start when a shipped migration was edited', async () => {
    const edited = (await loadMigrations()).map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    await expect(migrate(t.db, edited)).rejects.toThrow(/was edited/);
  });

  // Concurrency of separate connections: real PostgreSQL only.
  if (backend === 'postgres') it('two processes migrating at once apply each migration exactly once', async () => {
    const fresh = await openTestDb(backend);
    const second = openPostgres(fresh.url!);
    try {
      const [a, b] = await Promise.all([migrate(fresh.db), migrate(second)]);
      expect([...a, ...b].sort()).toEqual((await loadMigrations()).map((m) => m.version));
    } finally {
      await second.close();
      await fresh.close();
    }
  });

  it('seeds the shipped catalogue idempotently and never overwrites a later edit', async () => {
    const demo = withExamples(SEED_CATALOGUE);
    const first = await seedCatalogue(t.db, demo);
    expect(first.promises).toBe(demo.promises.length);
    expect(first.kommuner).toBe(demo.kommuner.length);
    // A coordinator corrects a title; a restart seeds again.
    const id = demo.promises[0]!.id;
    await t.db.query(`UPDATE promises SET doc = jsonb_set(doc, '{title}', '"Rättad titel"') WHERE id = $1`, [id]);
    expect(await seedCatalogue(t.db, demo)).toEqual({ policeAreas: 0, kommuner: 0, promises: 0 });
    const [row] = await t.db.query<{ title: string }>(`SELECT doc->>'title' AS title FROM promises WHERE id = $1`, [id]);
    expect(row!.title).toBe('Rättad titel');
    // The store serves what is in the database, published promises only.
    const all = await new CatalogueStore(t.db).all();
    expect(all.promises.length).toBe(demo.promises.filter((p) => p.status === 'published').length);
    expect(all.promises.find((p) => p.id === id)?.title).toBe('Rättad titel');
  });

  it('the audit log and entry revisions are append-only', async () => {
    await t.db.query(`INSERT INTO audit_log (at, action) VALUES (now(), 'test')`);
    await expect(t.db.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM entry_revisions')).resolves.toBeDefined(); // no rows: trigger is per row
    await expect(t.db.query('TRUNCATE entry_revisions')).rejects.toThrow(/append-only/);
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(n!.n).toBe(1);
  });
});
