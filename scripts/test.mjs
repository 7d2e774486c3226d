// `npm test`: every gate in a fixed order — typecheck, unit + ui + server (Vitest),
// then end-to-end in real Chromium. Outside CI a missing browser is reported and that
// suite skipped; with CI=true it fails instead (so does a missing PostgreSQL, in the
// server suite's own set-up).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

run('typecheck', 'npx', ['tsc', '-b']);
// Before the tests: the build keeps the log screen's JavaScript budget
// (scripts/bundle-budget.ts), and the server tests check the built index.html.
run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
run('unit, ui and server tests', 'npx', ['vitest', 'run']);

if (!existsSync(CHROMIUM)) {
  const msg = `End-to-end tests need Chromium at ${CHROMIUM} (apt-get install chromium).`;
  if (CI) {
    console.error(`✖ ${msg}`);
    process.exit(1);
  }
  console.warn(`\n⚠ End-to-end tests SKIPPED: ${msg}`);
} else {
  run('end-to-end (Chromium)', 'npx', ['playwright', 'test']);
}
console.log('\n✔ all test suites passed');
