// Accounts and devices in real Chromium against the real server: an admin creates a user
// (temporary password shown once), who must choose a new password at first sign-in; an
// admin revokes a phone that holds an entry logged offline, and the phone delivers it
// before it wipes itself. Screenshots of the new screens in light and dark.
import { expect, test, type Page } from '@playwright/test';
import { TestServer } from './support/server.ts';
import { logActivity, newProfileDir, openBrowser, queuedCount, shot, signIn, waitForOfflineReady } from './support/app.ts';
import { login, pullAll } from './support/api.ts';

const server = new TestServer();
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

const card = (page: Page, name: string) => page.locator('article.user-card', { has: page.getByRole('heading', { name, level: 2 }) });

test('a new user gets a temporary password and must change it at first sign-in', async () => {
  const desk = await openBrowser(newProfileDir());
  const admin = await desk.newPage();
  await admin.goto(server.url);
  await signIn(admin, 'admin');
  await expect(admin.getByRole('heading', { name: 'Användare och enheter', level: 1 })).toBeVisible();
  await expect(card(admin, 'Polis Ett (demo)')).toBeVisible();
  await expect(admin.locator('.sync-text').getByText(/Senast synkad/)).toBeVisible();
  await shot(admin, 'admin-light-1-users');

  await admin.getByRole('button', { name: '+ Ny användare' }).click();
  await admin.getByLabel('Användarnamn').fill('e2e.polis');
  await admin.getByLabel('Namn som visas').fill('Erik Tvåend');
  await shot(admin, 'admin-light-2-new-user');
  await admin.getByRole('button', { name: 'Skapa användare' }).click();
  const temp = admin.locator('.temp-value code');
  await expect(temp).toBeVisible();
  await expect(admin.getByText(/visas bara nu och måste bytas vid första inloggningen/)).toBeVisible();
  await shot(admin, 'admin-light-3-temporary-password');
  const password = (await temp.textContent())!.trim();
  await admin.getByRole('button', { name: 'Jag har lämnat över lösenordet' }).click();
  await expect(temp).toHaveCount(0);
  await expect(card(admin, 'Erik Tvåend')).toContainText('Måste byta lösenord');

  // First sign-in on the user's own phone: the new password first, then the app.
  const phone = await openBrowser(newProfileDir());
  const page = await phone.newPage();
  await page.goto(server.url);
  await signIn(page, 'e2e.polis', password);
  await expect(page.getByRole('heading', { name: 'Byt lösenord' })).toBeVisible();
  await page.getByLabel('Nuvarande lösenord').fill(password);
  await page.getByLabel('Nytt lösenord', { exact: true }).fill('kort');
  await page.getByLabel('Upprepa nytt lösenord').fill('kort');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByText('Lösenordet måste vara minst 12 tecken.')).toBeVisible();
  await shot(page, 'account-light-1-change-password');
  await page.getByLabel('Nytt lösenord', { exact: true }).fill('tre ord och en siffra 7');
  await page.getByLabel('Upprepa nytt lösenord').fill('tre ord och en siffra 7');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByRole('heading', { name: 'Välj kommun' })).toBeVisible();
  // The new password works for a new session.
  await login(server.url, 'e2e.polis', 'tre ord och en siffra 7');
  await phone.close();
  await desk.close();
});

test('a revoked phone delivers its queued entry, then wipes itself', async () => {
  const phone = await openBrowser(newProfileDir());
  const page = await phone.newPage();
  await page.goto(server.url);
  await signIn(page, 'polis2');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await waitForOfflineReady(page);
  await expect(page.getByText('Allt skickat')).toBeVisible();
  await phone.setOffline(true);
  await logActivity(page, /Trafikkontroll/, 'E2E Före spärr', (p) => p.getByLabel('Kontrollerade fordon', { exact: true }).fill('7'));
  expect(await queuedCount(page)).toBe(1);

  const desk = await openBrowser(newProfileDir());
  const admin = await desk.newPage();
  await admin.goto(server.url);
  await signIn(admin, 'admin');
  const polis2 = card(admin, 'Polis Två (demo)');
  await polis2.getByRole('button', { name: /^Spärra enhet/ }).first().click();
  await expect(polis2.getByText(/levereras ändå först/)).toBeVisible();
  await shot(admin, 'admin-light-4-revoke-question');
  await polis2.getByRole('button', { name: 'Ja, spärra' }).click();
  await expect(polis2.getByText(/^Spärrad /).first()).toBeVisible();

  // Back in coverage: the entry goes first, then the device wipes itself.
  // Back in coverage, the 'online' event starts the sync on its own (no button needed).
  await phone.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Enheten har spärrats' })).toBeVisible();
  await shot(page, 'account-light-2-device-wiped');
  const { token } = await login(server.url, 'polis2');
  expect((await pullAll(server.url, token)).some((r) => r.content.place === 'E2E Före spärr')).toBe(true);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('medborgarlofte');
  // It stays wiped across a reload, until someone starts over.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Enheten har spärrats' })).toBeVisible();
  await page.getByRole('button', { name: 'Logga in på nytt' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await desk.close();
  await phone.close();
});

test('admin and account screens in dark mode', async () => {
  const ctx = await openBrowser(newProfileDir(), 'dark');
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page, 'admin');
  await expect(card(page, 'Polis Två (demo)')).toBeVisible();
  await expect(page.locator('.sync-text').getByText(/Senast synkad/)).toBeVisible();
  await shot(page, 'admin-dark-1-users');
  await card(page, 'Polis Ett (demo)').getByRole('button', { name: 'Ändra Polis Ett (demo)' }).click();
  await shot(page, 'admin-dark-2-edit');
  await card(page, 'Polis Ett (demo)').getByRole('button', { name: 'Avbryt' }).click();
  await card(page, 'Polis Ett (demo)').getByRole('button', { name: /^Återställ lösenord/ }).click();
  await card(page, 'Polis Ett (demo)').getByRole('button', { name: 'Ja, återställ' }).click();
  await expect(page.locator('.temp-value code')).toBeVisible();
  await shot(page, 'admin-dark-3-reset-password');
  await page.goto(`${server.url}/#/losenord`);
  await expect(page.getByRole('heading', { name: 'Byt lösenord' })).toBeVisible();
  await shot(page, 'account-dark-1-change-password');
  await ctx.close();
});
