// Settings from the environment and the command line, read once at start.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL when set; otherwise embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  staticDir: string;
  demo: boolean;
  /** With demo: also seed the demo entries, completions and devices (DEMO_DATA=false: users only). */
  demoData: boolean;
  trustProxy: boolean;
  /** The address users open (scheme://host[:port]), for the cross-origin check when a proxy rewrites Host. */
  publicOrigin: string | null;
  /** Session expiry: idle (no request) and absolute (since login). */
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

function origin(raw: string | undefined): string | null {
  if (!raw) return null;
  const url = new URL(raw);
  if (url.origin === 'null' || url.origin !== raw.replace(/\/$/, '')) throw new Error(`PUBLIC_ORIGIN must be scheme://host[:port], got "${raw}"`);
  return url.origin;
}

export function readConfig(env: NodeJS.ProcessEnv, argv: string[]): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.DATA_DIR ?? './data/pglite'),
    staticDir: resolve(env.STATIC_DIR ?? './dist'),
    demo: argv.includes('--demo'),
    demoData: argv.includes('--demo') && env.DEMO_DATA !== 'false',
    trustProxy: env.TRUST_PROXY === 'true',
    publicOrigin: origin(env.PUBLIC_ORIGIN),
    sessionIdleMs: positiveNumber(env, 'SESSION_IDLE_HOURS', 12) * 3_600_000,
    sessionAbsoluteMs: positiveNumber(env, 'SESSION_MAX_DAYS', 7) * 24 * 3_600_000,
  };
}
