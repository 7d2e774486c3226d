// A new version is deployed while entries are queued and a form is half filled. It
// installs in the background, waits for the officer's consent, and after the switch
// the draft and the queue are intact and sync.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestServer } from './support/server.ts';
import { logActivity, newProfileDir, openBrowser, queuedCount, shot, signIn, unlock, waitForOfflineReady } from './support/app.ts';
import { distinctEntries, login, pullAll } from './support/api.ts';

const NEXT_VERSION = '9.9.9-e2e';
const nextBuild = mkdtempSync(join(tmpdir(), 'fieldlog-next-'));
const server = new TestServer();

test.beforeAll(async () => {
  const r = spawnSync('npx', ['vite', 'build', '--outDir', nextBuild, '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, APP_VERSION: NEXT_VERSION }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`next build failed: ${r.stderr}`);
  await server.start();
});
test.afterAll(async () => {
  await server.dispose();
  rmSync(nextBuild, { recursive: true, force: true });
});

test('an update applied with queued entries and a half-filled form loses nothing', async () => {
  const ctx = await openBrowser(newProfileDir());
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page);
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await waitForOfflineReady(page);
  await expect(page.getByText('Allt skickat')).toBeVisible();

  // The API is unreachable (the app shell and sw.js still are): entries queue up.
  await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await logActivity(page, /Trafikkontroll/, 'E4 Gränna', (p) => p.getByLabel('Kontrollerade fordon', { exact: true }).fill('12'));
  await logActivity(page, /^LOB/, 'Torget', (p) => p.getByRole('button', { name: 'Öka 18–21 år' }).click());
  await logActivity(page, /PL-ingripande/, 'Torget', (p) => p.getByRole('button', { name: 'Avlägsnande' }).click());
  expect(await queuedCount(page)).toBe(3);
  // A form left half filled.
  await page.getByRole('link', { name: /Riktad narkotikainsats/ }).click();
  await page.getByLabel('Kontrollerade personer', { exact: true }).fill('7');
  await page.getByLabel('Plats').fill('Halvfyllt utkast');

  // Deploy the next version and let the browser find it.
  await server.stop();
  await server.start(nextBuild);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect(page.getByText('Ny version finns')).toBeVisible({ timeout: 30_000 });
  await shot(page, '30-ny-version-finns');
  // Nothing changes until the officer agrees.
  await expect(page.getByLabel('Plats')).toHaveValue('Halvfyllt utkast');
  await page.getByRole('button', { name: 'Uppdatera' }).click();
  await page.waitForEvent('load');
  // The new version starts like any start: locked; the draft was sealed and opens after the PIN.
  await unlock(page);

  await expect(page.getByText('Ett osparat utkast har återställts.')).toBeVisible();
  await expect(page.getByLabel('Plats')).toHaveValue('Halvfyllt utkast');
  await expect(page.getByLabel('Kontrollerade personer', { exact: true })).toHaveValue('7');
  await shot(page, '31-efter-uppdatering-utkast');
  expect(await queuedCount(page)).toBe(3);
  await page.getByRole('link', { name: 'Mer' }).click();
  await expect(page.getByText(`Version ${NEXT_VERSION}`)).toBeVisible();

  await page.unroute('**/api/**');
  await page.getByRole('button', { name: 'Synka nu' }).click();
  await expect(page.getByText('Allt skickat')).toBeVisible();
  const { token } = await login(server.url, 'polis1');
  expect(distinctEntries(await pullAll(server.url, token)).size).toBe(3);
  await ctx.close();
});
