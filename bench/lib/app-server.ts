// The real server (server/main.ts --demo) as a child process on a free loopback port,
// as `npm start` and the e2e tests run it: its own Node process, request logging on,
// the demo users (password demo-losen-2026). PGlite in a temp folder unless a
// PostgreSQL URL is given; the built app when a static folder is given, else API only.
// `unthrottled`: the same start-up with the push throttle off (unthrottled-server.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export const DEMO_PASSWORD = 'demo-losen-2026';

export interface AppServerOptions {
  /** A built app to serve (index.html and assets); none: the API alone. */
  staticDir?: string;
  /** PostgreSQL to use instead of PGlite. */
  databaseUrl?: string;
  /** Also the demo entries and completions (a dashboard with something on it). */
  demoData?: boolean;
  /** The push throttle off, for pushing a 10 000-entry backlog at full speed. */
  unthrottled?: boolean;
}

export class AppServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'fieldlog-bench-server-'));
  private proc: ChildProcess | null = null;
  private log = '';
  url = '';

  constructor(private readonly options: AppServerOptions = {}) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const main = this.options.unthrottled ? 'bench/lib/unthrottled-server.ts' : 'server/main.ts';
    this.proc = spawn(process.execPath, ['--import', 'tsx', main, '--demo'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        // A folder without index.html: the server then serves the API only.
        STATIC_DIR: this.options.staticDir ?? join(this.dataDir, 'no-app'),
        DATABASE_URL: this.options.databaseUrl ?? '',
        DEMO_DATA: this.options.demoData ? 'true' : 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kept only for an error message; the tail is enough.
    const keep = (d: Buffer) => (this.log = (this.log + d.toString()).slice(-20_000));
    this.proc.stdout!.on('data', keep);
    this.proc.stderr!.on('data', keep);
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`server exited:\n${this.log}`);
      if (await fetch(`${this.url}/api/v1/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not start in 120 s:\n${this.log}`);
  }

  /** A session for a demo user: what the app gets from its login form. */
  async login(username: string, deviceId: string): Promise<{ token: string; user: { id: string; kommunIds: string[] } }> {
    const res = await fetch(`${this.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD, deviceId }) });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { token: string; user: { id: string; kommunIds: string[] } };
  }

  async dispose(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (p && p.exitCode === null) {
      const exited = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
