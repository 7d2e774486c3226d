// Starts the sync server: open the database, migrate, seed the catalogue, listen.
//   node --import tsx server/main.ts [--demo]
// PORT (8080), HOST (0.0.0.0), DATABASE_URL (else PGlite in DATA_DIR, ./data/pglite),
// STATIC_DIR (./dist), TRUST_PROXY=true behind a load balancer, PUBLIC_ORIGIN (the address
// users open, when a proxy rewrites Host), SESSION_IDLE_HOURS (12),
// SESSION_MAX_DAYS (7), DEMO_DATA=false (with --demo: the demo users but no demo entries).
import { SEED_CATALOGUE } from '../src/domain/catalogue/index.ts';
import { pruneLoginAttempts } from './auth/rate-limit.ts';
import { seedCatalogue } from './catalogue/seed.ts';
import { readConfig } from './config.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { openPglite } from './db/pglite.ts';
import { openPostgres } from './db/postgres.ts';
import { ensureExamplePeriods } from './demo-catalogue.ts';
import { seedDemoData, type DemoSeedResult } from './demo-entries.ts';
import { demoBanner, ensureDemoUsers } from './demo-users.ts';
import { buildApp } from './http/app.ts';

const config = readConfig(process.env, process.argv.slice(2));
const db: Db = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);

const applied = await migrate(db);
const seeded = await seedCatalogue(db, SEED_CATALOGUE);
let demoData: DemoSeedResult | null = null;
if (config.demo) {
  await ensureDemoUsers(db);
  // The made-up "exempel" periods, so there is something current to log against: renewed
  // and published by the demo coordinator through the coordinator's own code path.
  await ensureExamplePeriods(db, Date.now());
  // Demo entries, completions and an unsent-work device; a restart adds nothing but what fell due.
  if (config.demoData) demoData = await seedDemoData(db, Date.now());
}

const app = await buildApp({
  db,
  logger: true,
  staticDir: config.staticDir,
  trustProxy: config.trustProxy,
  publicOrigin: config.publicOrigin,
  sessionPolicy: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs },
});
app.log.info({ database: db.kind, migrationsApplied: applied, seeded, demo: config.demo, demoData }, 'database ready');

const pruner = setInterval(() => void pruneLoginAttempts(db, Date.now()).catch((err) => app.log.warn({ err }, 'prune failed')), 3_600_000);
pruner.unref();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  clearInterval(pruner);
  // Stop accepting, let in-flight requests (and their transactions) finish, then close the
  // database. A browser may hold a connection open mid-request (a service worker's update
  // check): after a grace period those are cut, as a client must survive that anyway.
  const cut = setTimeout(() => app.server.closeAllConnections(), 5_000);
  cut.unref();
  await app.close().catch((err) => app.log.error({ err }, 'close failed'));
  clearTimeout(cut);
  await db.close().catch((err) => app.log.error({ err }, 'database close failed'));
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
if (config.demo) {
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`\n${demoBanner(`http://${shown}:${config.port}/`)}\n`);
}
