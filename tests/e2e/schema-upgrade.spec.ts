// A phone that ran the previous release (device schema v1) with entries still queued
// opens this release: Dexie upgrades to v2 in place, nothing is lost, everything syncs once.
import { expect, test } from '@playwright/test';
import { TestServer } from './support/server.ts';
import { newProfileDir, openBrowser, shot, signIn } from './support/app.ts';
import { distinctEntries, login, pullAll } from './support/api.ts';
import { dumpIndexedDb } from './support/storage.ts';
import { EXAMPLE_PROMISE, EXAMPLE_TRAFFIC, injectFixture } from './support/fixture.ts';

const server = new TestServer();
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

test('v1 → v2 upgrade with queued entries in a real browser', async () => {
  const { userId } = await login(server.url, 'polis1');
  const ctx = await openBrowser(newProfileDir());
  const page = await ctx.newPage();
  // A blank page on the app's origin (no service worker yet) to write the old database.
  await page.route(`${server.url}/__e2e/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>e2e</title>' }));
  await page.goto(`${server.url}/__e2e/blank`);
  await injectFixture(page);
  const ids = await page.evaluate(([u, p, a]) => (window as any).fieldlogFixture.writeV1(u, 7, p, a), [userId, EXAMPLE_PROMISE, EXAMPLE_TRAFFIC] as const);
  expect(ids).toHaveLength(7);

  await page.goto(server.url);
  await signIn(page);
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await expect(page.getByText('Allt skickat')).toBeVisible();
  await page.getByRole('link', { name: 'Mina' }).click();
  await expect(page.getByText('På servern')).toHaveCount(7);
  await shot(page, '20-efter-schemauppgradering');

  // The PIN chosen at that login sealed what the old version had stored in plaintext.
  const stored = await dumpIndexedDb(page);
  expect(stored).toContain(ids[0]);
  expect(stored).not.toContain('Kontrollplats');
  await injectFixture(page);
  expect(await page.evaluate(() => (window as any).fieldlogFixture.headsWithoutLocalDay())).toBe(0);
  const { token } = await login(server.url, 'polis1');
  const onServer = distinctEntries(await pullAll(server.url, token));
  expect([...onServer].sort()).toEqual([...ids].sort());
  await ctx.close();
});
