// The same warm-up for both servers before their timed sync: each first takes one other
// backlog of the same size from Node, by its own protocol. A server process runs for
// days; the first requests after its start are slow because V8 is still compiling its
// hot code (PGlite's WebAssembly is tiered up in the background, on the same two cores
// the browser needs), which is not what a phone syncing at the end of a shift meets.
// Measured on this machine: a cold PGlite server spent about 0.45 s of CPU on background
// compilation during a 10 000-entry push, and almost none once warm.
//   app:     another officer's backlog, POST /sync/push in batches of MAX_PUSH_BATCH, two
//            on the wire, as the app sends them;
//   PouchDB: PouchDB (Node, LevelDB in a temp folder) replicating as many other documents
//            into another database of the same server, as the browser does.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalogue } from '../../src/domain/catalogue/index.ts';
import { MAX_PUSH_BATCH, type PushChange, type PushResponse } from '../../src/domain/sync.ts';
import { makeChanges } from '../sync-entries.ts';
import type { AppServer } from './app-server.ts';
import { externalPath } from './external.ts';

const WARM_UP_OFFICER = 'polis2';
const WARM_UP_DEVICE = 'bench-warm-up';

/** Push `count` entries of another officer to the app's server. Returns how long it took. */
export async function warmUpApp(server: AppServer, count: number): Promise<number> {
  const session = await server.login(WARM_UP_OFFICER, WARM_UP_DEVICE);
  const headers = { authorization: `Bearer ${session.token}` };
  const catalogue = (await (await fetch(`${server.url}/api/v1/catalogue`, { headers })).json()) as Catalogue;
  const changes = makeChanges(catalogue, session.user.kommunIds, count, Date.now());
  const t0 = performance.now();
  let next = 0;
  const send = async () => {
    while (next < changes.length) {
      const batch = changes.slice(next, (next += MAX_PUSH_BATCH));
      const body = JSON.stringify({ deviceId: WARM_UP_DEVICE, heartbeat: { appVersion: 'bench', queuedCount: changes.length, oldestQueuedAt: null }, changes: batch });
      const res = await fetch(`${server.url}/api/v1/sync/push`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
      const answer = (await res.json()) as PushResponse;
      if (!res.ok || answer.results.some((r) => r.status !== 'applied')) throw new Error(`warm-up push refused: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
    }
  };
  await Promise.all([send(), send()]);
  return performance.now() - t0;
}

interface NodePouch {
  bulkDocs(docs: object[]): Promise<Array<{ error?: string }>>;
  destroy(): Promise<void>;
}
interface NodePouchStatic {
  new (name: string): NodePouch;
  replicate(source: NodePouch | string, target: NodePouch | string): Promise<{ ok: boolean; docs_written: number }>;
}

/** Replicate the changes, under other ids, into database `name` of pouchdb-server. Returns how long the replication took. */
export async function warmUpPouch(serverUrl: string, name: string, changes: readonly PushChange[]): Promise<number> {
  const PouchDB = createRequire(import.meta.url)(externalPath('pouchdb')) as NodePouchStatic;
  const dir = mkdtempSync(join(tmpdir(), 'fieldlog-bench-pouch-warm-'));
  const local = new PouchDB(join(dir, 'db'));
  try {
    const docs = changes.map(({ id: _, ...rest }) => ({ _id: randomUUID(), ...rest }));
    for (let i = 0; i < docs.length; i += 1000) {
      const failed = (await local.bulkDocs(docs.slice(i, i + 1000))).filter((r) => r.error);
      if (failed.length > 0) throw new Error(`warm-up: PouchDB refused ${failed.length} documents`);
    }
    const t0 = performance.now();
    const result = await PouchDB.replicate(local, `${serverUrl}/${name}`);
    if (!result.ok || result.docs_written !== docs.length) throw new Error(`warm-up replication incomplete: ${JSON.stringify(result)}`);
    return performance.now() - t0;
  } finally {
    await local.destroy().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
