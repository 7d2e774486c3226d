// Account administration from the command line, for a deployment without --demo:
//   node --import tsx server/admin-cli.ts create-user --username anna.berg --name "Anna Berg" --roles admin --area hoglandet
//   node --import tsx server/admin-cli.ts export-audit --from 2025-01-01 --to 2025-03-31 --format csv > granskning.csv
// prints a temporary password that must be changed at first login. Opens the same
// database as the server (DATABASE_URL, else PGlite in DATA_DIR), migrated and seeded.
// PGlite is one process's database: with it, run this while the server is stopped.
import { SEED_CATALOGUE } from '../src/domain/catalogue/index.ts';
import { runAdminCli } from './admin/cli.ts';
import { seedCatalogue } from './catalogue/seed.ts';
import { readConfig } from './config.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { openPglite } from './db/pglite.ts';
import { openPostgres } from './db/postgres.ts';

const config = readConfig(process.env, []);
const db: Db = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
let code = 1;
try {
  await migrate(db);
  // The police areas must exist before an account can belong to one.
  await seedCatalogue(db, SEED_CATALOGUE);
  code = await runAdminCli(db, process.argv.slice(2), {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    // Written as is (the export's CSV carries its own CRLFs); a pipe that is slow to drain buffers, which is fine for one export.
    write: (text) => void process.stdout.write(text),
  });
} finally {
  await db.close();
}
// Let a piped export drain before exiting (stdout to a pipe may be asynchronous off Linux).
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
