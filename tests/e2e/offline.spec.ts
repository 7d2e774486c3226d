// The core promise: log every kind of entry with no network, survive the browser being
// closed, and deliver everything to the server exactly once when it is reachable again.
import { expect, test } from '@playwright/test';
import { TestServer } from './support/server.ts';
import { chooseKommun, logActivity, newProfileDir, openBrowser, queuedCount, shot, signIn, unlock, waitForOfflineReady } from './support/app.ts';
import { distinctEntries, login, pullAll } from './support/api.ts';

const server = new TestServer();
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

test('offline logging of every kind survives a restart and arrives exactly once', async () => {
  const profile = newProfileDir();
  let ctx = await openBrowser(profile);
  let page = await ctx.newPage();
  await page.goto(server.url);
  await shot(page, '01-inloggning');
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Välj kommun' })).toBeVisible();
  await shot(page, '02-valj-kommun');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await expect(page.getByRole('heading', { name: /Nässjö · Medborgarlöfte 2025–2026/ })).toBeVisible();
  await waitForOfflineReady(page);
  await expect(page.getByText('Allt skickat')).toBeVisible();
  await shot(page, '03-hem-online');

  await ctx.setOffline(true);
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { name: /Nässjö · Medborgarlöfte 2025–2026/ })).toBeVisible();

  await logActivity(page, /^LOB/, 'Storgatan', async (p) => {
    await p.getByRole('button', { name: 'Öka Över 21 år' }).click();
    await shot(p, '04-formular-lob');
  });
  await logActivity(page, /PL-ingripande/, 'Resecentrum', (p) => p.getByRole('button', { name: 'Avvisning' }).click());
  await logActivity(page, /Trafikkontroll/, 'Rv 31 norr', (p) => p.getByLabel('Kontrollerade fordon', { exact: true }).fill('40'));
  await logActivity(page, /Riktad narkotikainsats/, 'Centrum', (p) => p.getByLabel('Kontrollerade personer', { exact: true }).fill('5'));
  await shot(page, '05-sparad-offline');
  await chooseKommun(page, 'Vetlanda');
  await logActivity(page, /Flygande inspektion/, 'Rv 47', (p) => p.getByLabel('Kontrollerade fordon', { exact: true }).fill('3'));
  await chooseKommun(page, 'Sävsjö');
  await logActivity(page, /Polisnärvaro/, 'Poliskontoret');
  expect(await queuedCount(page)).toBe(6);
  await page.getByRole('link', { name: 'Mina' }).click();
  await expect(page.getByText('Lokalt sparad')).toHaveCount(6);
  await shot(page, '06-mina-offline');
  await ctx.close();

  // A new browser on the same profile, still offline: everything is there.
  ctx = await openBrowser(profile);
  await ctx.setOffline(true);
  page = await ctx.newPage();
  await page.goto(`${server.url}/#/registreringar`);
  await unlock(page);
  await expect(page.getByText('Lokalt sparad')).toHaveCount(6);

  // Network back but the server down, then up again: nothing lost, nothing doubled.
  await server.stop();
  await ctx.setOffline(false);
  await page.getByRole('button', { name: 'Synka nu' }).click();
  await expect(page.getByText(/Ingen kontakt med servern/)).toBeVisible();
  expect(await queuedCount(page)).toBe(6);
  await server.start();
  await page.getByRole('button', { name: 'Synka nu' }).click();
  await expect(page.getByText('Allt skickat')).toBeVisible();
  await expect(page.getByText('På servern')).toHaveCount(6);
  await shot(page, '07-mina-pa-servern');

  const { token } = await login(server.url, 'polis1');
  const ids = distinctEntries(await pullAll(server.url, token));
  expect(ids.size).toBe(6);
  // The service worker cached the app, never an API response (personal data, always fresh).
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    return urls;
  });
  expect(cached.some((u) => u.includes('/index.html'))).toBe(true);
  expect(cached.filter((u) => u.includes('/api/'))).toEqual([]);
  await ctx.close();
});
