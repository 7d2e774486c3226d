// Thirty days without network with 2 000 entries queued: the session has expired by
// then, nothing is dropped, and after a new login every entry arrives exactly once.
import { expect, test } from '@playwright/test';
import { TestServer } from './support/server.ts';
import { newProfileDir, openBrowser, queuedCount, shot, signIn, waitForOfflineReady, E2E_PIN, unlock } from './support/app.ts';
import { distinctEntries, login, pullAll } from './support/api.ts';
import { EXAMPLE_PROMISE, EXAMPLE_TRAFFIC, injectFixture } from './support/fixture.ts';

const server = new TestServer();
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

test('offline for 30 days with 2 000 queued entries: all arrive once', async () => {
  const ctx = await openBrowser(newProfileDir());
  const page = await ctx.newPage();
  await page.clock.install();
  await page.goto(server.url);
  await signIn(page);
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await waitForOfflineReady(page);
  await expect(page.getByText('Allt skickat')).toBeVisible();

  await ctx.setOffline(true);
  const { userId } = await login(server.url, 'polis1');
  await injectFixture(page);
  await page.evaluate(([u, p, a, pin]) => (window as any).fieldlogFixture.queueMany(u, 2000, p, a, pin), [userId, EXAMPLE_PROMISE, EXAMPLE_TRAFFIC, E2E_PIN] as const);
  await expect.poll(() => queuedCount(page), { timeout: 30_000 }).toBe(2000);

  // A month passes, the phone offline all along; the app is reopened.
  await page.clock.setSystemTime(Date.now() + 30 * 86_400_000);
  await page.reload();
  // Every start asks for the PIN; it unlocks offline.
  await unlock(page);
  expect(await queuedCount(page)).toBe(2000);
  // The session ran out while offline: the app says so and keeps every entry queued.
  await expect(page.getByText('Logga in igen för att skicka')).toBeVisible();
  await ctx.setOffline(false);
  expect(await queuedCount(page)).toBe(2000);
  await shot(page, '40-efter-30-dagar-logga-in-igen');

  await page.locator('.sync-bar').getByRole('button', { name: 'Logga in' }).click();
  // The app is unlocked: a new session needs no new PIN.
  await signIn(page, undefined, undefined, { pin: null });
  await expect(page.getByText('Allt skickat')).toBeVisible({ timeout: 90_000 });
  const { token } = await login(server.url, 'polis1');
  expect(distinctEntries(await pullAll(server.url, token)).size).toBe(2000);
  await ctx.close();
});
