// A real PostgreSQL for tests and benchmarks: TEST_DATABASE_URL when given, otherwise a
// throwaway cluster started from the local installation (/usr/lib/postgresql/*/bin) in
// a temp dir on 127.0.0.1 and a free port. Shared by tests/setup/postgres.ts and
// bench/server-ingest.ts.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgServer {
  /** Connection URL of a database the caller may create other databases from. */
  url: string;
  /** How it was obtained, for the log. */
  description: string;
  stop(): Promise<void>;
}

export const SKIP_MESSAGE = 'Real PostgreSQL tests SKIPPED: no TEST_DATABASE_URL and no PostgreSQL installation (apt-get install postgresql)';

/** The newest installed PostgreSQL's bin dir, or null. */
export async function findPgBin(root = '/usr/lib/postgresql'): Promise<string | null> {
  if (!existsSync(root)) return null;
  const versions = (await readdir(root)).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid), gid: Number(gid) };
}

export interface ClusterOptions {
  /** fsync and synchronous_commit off: right for tests, wrong for a benchmark of durable writes. */
  fast?: boolean;
}

/** initdb + pg_ctl start; PostgreSQL refuses to run as root, so as root it runs as the postgres user. */
export async function startTempCluster(bin: string, options: ClusterOptions = {}): Promise<PgServer> {
  const asRoot = userInfo().uid === 0;
  const dir = await mkdtemp(join(tmpdir(), 'mbl-pg-'));
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  const exec = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const data = join(dir, 'data');
  const port = await freePort();
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    ...(options.fast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  await exec('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', settings, '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    description: `temporary cluster ${bin} on 127.0.0.1:${port}${options.fast ? ' (fsync off)' : ''}`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** TEST_DATABASE_URL, else a temp cluster, else null (no PostgreSQL here). */
export async function resolvePostgres(options: ClusterOptions = {}): Promise<PgServer | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { url, description: 'TEST_DATABASE_URL', stop: async () => {} };
  const bin = await findPgBin();
  return bin ? startTempCluster(bin, options) : null;
}
