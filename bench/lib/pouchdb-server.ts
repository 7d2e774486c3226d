// pouchdb-server (npm, bench/external) on a free loopback port, LevelDB-backed through
// leveldown's prebuilt binary, its files in a temp folder: the classic offline-sync
// server the issue compares against, run with its defaults (request log included, as
// our server logs every request too).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { externalPath } from './external.ts';
import { freePort } from './free-port.ts';

export class PouchServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'fieldlog-bench-pouchdb-'));
  private proc: ChildProcess | null = null;
  private log = '';
  url = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const bin = externalPath('pouchdb-server/bin/pouchdb-server');
    // cwd: it writes its config.json and log.txt there.
    this.proc = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port), '--dir', this.dir, '--config', join(this.dir, 'config.json')], { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => (this.log = (this.log + d.toString()).slice(-20_000));
    this.proc.stdout!.on('data', keep);
    this.proc.stderr!.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`pouchdb-server exited:\n${this.log}`);
      if (await fetch(`${this.url}/`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`pouchdb-server did not start in 60 s:\n${this.log}`);
  }

  /** Create an empty database; answers its URL. */
  async createDb(name: string): Promise<string> {
    const res = await fetch(`${this.url}/${name}`, { method: 'PUT' });
    if (!res.ok) throw new Error(`PUT /${name}: ${res.status} ${await res.text()}`);
    return `${this.url}/${name}`;
  }

  async docCount(name: string): Promise<number> {
    const res = await fetch(`${this.url}/${name}`);
    return ((await res.json()) as { doc_count: number }).doc_count;
  }

  async dispose(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (p && p.exitCode === null) {
      const exited = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
