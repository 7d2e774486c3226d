// A real server process for end-to-end tests: the built app and the API on a free port,
// with its own PGlite folder, that a test can stop, kill and restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export class TestServer {
  private proc: ChildProcess | null = null;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'fieldlog-e2e-'));
  port = 0;
  log = '';

  /**
   * `demoData`: also seed the demo entries, completions and devices of `--demo`. Off by
   * default: most specs count what reached the server and need it to start empty.
   */
  constructor(
    private staticDir = join(process.cwd(), 'dist'),
    private options: { demoData?: boolean } = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(staticDir?: string): Promise<void> {
    if (staticDir) this.staticDir = staticDir;
    if (!this.port) this.port = await freePort();
    this.proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, STATIC_DIR: this.staticDir, DATABASE_URL: '', DEMO_DATA: this.options.demoData ? 'true' : 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout!.on('data', (d) => (this.log += d));
    this.proc.stderr!.on('data', (d) => (this.log += d));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`server exited:\n${this.log}`);
      try {
        const res = await fetch(`${this.url}/api/v1/health`);
        if (res.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not start:\n${this.log}`);
  }

  /** Stop as an operator would (SIGTERM, graceful) or as a crash would (SIGKILL). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
    this.proc = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
