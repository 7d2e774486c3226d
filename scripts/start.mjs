// `npm start`: build the app if the build is missing or older than its sources, then
// run the server in demo mode (embedded database, demo users printed at start).
// Plain Node ESM so it runs before anything is compiled.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'dist/index.html';
const SOURCES = ['src', 'sw', 'public', 'index.html', 'vite.config.ts'];

/** Newest modification time (ms) of a file or of any file below a directory. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function needsBuild() {
  if (!existsSync(BUILT)) return 'no build yet';
  const builtAt = statSync(BUILT).mtimeMs;
  const stale = SOURCES.find((s) => newest(s) > builtAt);
  return stale ? `${stale} changed since the last build` : null;
}

const reason = needsBuild();
if (reason) {
  console.log(`Building the app (${reason}) …`);
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' });
// The server shuts down gracefully on these; pass them on rather than dying first.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
