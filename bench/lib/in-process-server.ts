// The sync server in this process on PGlite in memory, with one officer signed in: for
// the 1 000-entry sync bench, which needs nothing of main.ts but the API.
import { buildApp } from '../../server/http/app.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { migrate } from '../../server/db/migrate.ts';
import { seedCatalogue } from '../../server/catalogue/seed.ts';
import { createUser } from '../../server/auth/users.ts';
import { SEED_CATALOGUE, withExamples } from '../../src/domain/catalogue/index.ts';

export async function launchServer(): Promise<{ url: string; token: string; userId: string; close: () => Promise<void> }> {
  const db = await openPglite();
  await migrate(db);
  await seedCatalogue(db, withExamples(SEED_CATALOGUE));
  await createUser(db, { username: 'bench', displayName: 'Bench', password: 'bench-losen-123', roles: ['officer'], policeAreaId: 'hoglandet' });
  const app = await buildApp({ db, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-losen-123', deviceId: 'bench-device' }) });
  if (!login.ok) throw new Error(`login ${login.status}: ${await login.text()}`);
  const session = (await login.json()) as { token: string; user: { id: string } };
  return {
    url,
    token: session.token,
    userId: session.user.id,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
