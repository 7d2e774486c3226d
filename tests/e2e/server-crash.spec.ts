// The server dies in the middle of a sync: after it committed a batch but before the
// phone read the answer. After a restart every entry is on the server exactly once.
import { expect, test } from '@playwright/test';
import { TestServer } from './support/server.ts';
import { newProfileDir, openBrowser, queuedCount, signIn, E2E_PIN } from './support/app.ts';
import { distinctEntries, login, pullAll } from './support/api.ts';
import { EXAMPLE_PROMISE, EXAMPLE_TRAFFIC, injectFixture } from './support/fixture.ts';
import { MAX_PUSH_BATCH } from '../../src/domain/sync.ts';
import { FIRST_PUSHES } from '../../src/sync/engine.ts';

// More than a full push's worth (the app's batches are MAX_PUSH_BATCH after the smaller first ones).
const QUEUED = MAX_PUSH_BATCH + 150;

const server = new TestServer();
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

test('server killed mid-sync: exactly once after restart', async () => {
  const ctx = await openBrowser(newProfileDir());
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page);
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await expect(page.getByText('Allt skickat')).toBeVisible();

  // Queue the entries with the API cut off, so they wait.
  await page.route('**/api/v1/sync/**', (route) => route.abort('internetdisconnected'));
  const { userId } = await login(server.url, 'polis1');
  await injectFixture(page);
  await page.evaluate(([u, n, p, a, pin]) => (window as any).fieldlogFixture.queueMany(u, n, p, a, pin), [userId, QUEUED, EXAMPLE_PROMISE, EXAMPLE_TRAFFIC, E2E_PIN] as const);
  await expect.poll(() => queuedCount(page)).toBe(QUEUED);
  await page.unroute('**/api/v1/sync/**');

  // The first push reaches the server and commits; then the server dies before answering.
  // The second push (two are on the wire at once) is held until then and finds it gone.
  let pushes = 0;
  let killed: () => void = () => {};
  const serverGone = new Promise<void>((resolve) => (killed = resolve));
  await page.route('**/api/v1/sync/push', async (route) => {
    pushes++;
    if (pushes === 1) {
      const res = await route.fetch();
      expect(res.status()).toBe(200);
      await server.stop('SIGKILL');
      killed();
      await route.abort('connectionreset');
      return;
    }
    await serverGone;
    await route.abort('connectionrefused');
  });
  await page.getByRole('button', { name: 'Synka nu' }).click();
  await expect(page.getByText(/Ingen kontakt med servern/)).toBeVisible();
  expect(await queuedCount(page)).toBe(QUEUED);

  await server.start();
  // The server had committed the first batch (the run's first push is FIRST_PUSHES[0]): the phone never heard of it.
  const before = await login(server.url, 'polis1');
  expect(distinctEntries(await pullAll(server.url, before.token)).size).toBe(FIRST_PUSHES[0]);
  await page.unroute('**/api/v1/sync/push');
  await page.getByRole('button', { name: 'Synka nu' }).click();
  await expect(page.getByText('Allt skickat')).toBeVisible({ timeout: 60_000 });
  const { token } = await login(server.url, 'polis1');
  expect(distinctEntries(await pullAll(server.url, token)).size).toBe(QUEUED);
  await ctx.close();
});
