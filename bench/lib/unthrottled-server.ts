// server/main.ts --demo for the sync benchmark, with one difference: the per-user push
// throttle is off (buildApp's pushLimits: false, there for benchmarks). With it on
// (burst 60, then 60 a minute; server/http/throttle.ts) a 10 000-entry backlog is 100
// pushes and would be held back by policy for at least 40 s: that measures the policy,
// not the sync, and pouchdb-server has no such limit. Everything else is what main.ts
// does: migrate, seed, demo users, example periods, request logging on.
//   PORT, DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL)
import { SEED_CATALOGUE } from '../../src/domain/catalogue/index.ts';
import { seedCatalogue } from '../../server/catalogue/seed.ts';
import type { Db } from '../../server/db/db.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { ensureExamplePeriods } from '../../server/demo-catalogue.ts';
import { ensureDemoUsers } from '../../server/demo-users.ts';
import { buildApp } from '../../server/http/app.ts';

const db: Db = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : await openPglite(process.env.DATA_DIR);
await migrate(db);
await seedCatalogue(db, SEED_CATALOGUE);
await ensureDemoUsers(db);
await ensureExamplePeriods(db, Date.now());
const app = await buildApp({ db, logger: true, pushLimits: false });
process.on('SIGTERM', () => {
  void app.close().then(() => db.close()).finally(() => process.exit(0));
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
