// A coordinator publishes a new promise period while an officer's phone is offline; back
// in coverage, the phone syncs, shows the new period and logs against it. Screenshots of
// the new screens at 390×844 in light and dark.
//
// Dates: the server runs on real time (2026-11-20 or later), and it refuses entries dated
// in the future or outside their period, so the new period must be in force today. A
// renewal of the 2025–2026 example would start on 2027-01-01, and a period starting
// earlier would overlap the example (refused on publish). So the coordinator first
// corrects the example to end yesterday (a published correction: version 2, kept in the
// history), then renews it: nextPeriod starts the new period today. The coordinator sets
// its end to 31 December two years on. This also works when run after 2026.
import { expect, test, type Page } from '@playwright/test';
import { TestServer } from './support/server.ts';
import { logActivity, newProfileDir, openBrowser, shot, signIn, waitForOfflineReady } from './support/app.ts';
import { login, pullAll } from './support/api.ts';

const server = new TestServer();
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

const stockholmDay = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(ms));
const TODAY = stockholmDay(Date.now());
const YESTERDAY = stockholmDay(Date.parse(`${TODAY}T12:00:00Z`) - 86_400_000);
const YEAR = Number(TODAY.slice(0, 4));
const NEW_TITLE = `Medborgarlöfte ${YEAR}–${YEAR + 2}`;
const NEW_ID = `nassjo-${YEAR}`;

async function openCatalogue(page: Page) {
  await page.getByRole('link', { name: 'Löften' }).click();
  await expect(page.getByRole('heading', { name: 'Medborgarlöften', level: 1 })).toBeVisible();
}

const nassjo = (page: Page) => page.locator('section.kommun-periods', { has: page.getByRole('heading', { name: 'Nässjö', level: 2 }) });

test('a period published while an officer is offline reaches the phone, which logs against it', async () => {
  // The officer's phone, signed in and ready, then out of coverage.
  const phone = await openBrowser(newProfileDir());
  const officer = await phone.newPage();
  await officer.goto(server.url);
  await signIn(officer, 'polis1');
  await officer.getByRole('button', { name: 'Nässjö' }).click();
  await expect(officer.getByRole('heading', { name: /Nässjö · Medborgarlöfte 2025–2026/ })).toBeVisible();
  await waitForOfflineReady(officer);
  await expect(officer.getByText('Allt skickat')).toBeVisible();
  await phone.setOffline(true);

  // The coordinator at the desk.
  const desk = await openBrowser(newProfileDir());
  const page = await desk.newPage();
  await page.goto(server.url);
  await signIn(page, 'samordnare');
  await openCatalogue(page);
  await expect(nassjo(page).getByText('Medborgarlöfte 2025–2026 (exempel)')).toBeVisible();
  await shot(page, 'catalogue-light-1-list');

  // 1. Correct the example to end yesterday.
  await nassjo(page).getByRole('link', { name: /Medborgarlöfte 2025–2026 \(exempel\)/ }).click();
  await expect(page.getByRole('heading', { name: 'Redigera Medborgarlöfte 2025–2026 (exempel)', level: 1 })).toBeVisible();
  await expect(page.getByText(/En rättelse sparas som en ny version/)).toBeVisible();
  await page.getByLabel('Gäller till och med').fill(YESTERDAY);
  await page.getByRole('button', { name: 'Spara rättelse' }).click();
  await expect(page.getByText('Rättelsen sparad som ny version')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Versionshistorik' })).toBeVisible();
  await expect(page.locator('.history li')).toHaveCount(2);
  await expect(page.locator('.history li').first()).toContainText('Version 2');
  await expect(page.locator('.history li').first()).toContainText('gällande');
  await expect(page.getByText('version 2', { exact: true })).toBeVisible();
  await shot(page, 'catalogue-light-2-corrected');

  // 2. Renew it: a draft from today, opened at once; adjust the end, title and a target.
  await page.getByRole('link', { name: /Tillbaka till löftena/ }).click();
  await nassjo(page).getByRole('button', { name: /^Förnya Nässjö/ }).click();
  await expect(page.getByText('Utkast för nästa period skapat')).toBeVisible();
  await expect(page.getByLabel('Gäller från')).toHaveValue(TODAY);
  await page.getByLabel('Gäller till och med').fill(`${YEAR + 2}-12-31`);
  await page.getByLabel('Rubrik', { exact: true }).fill(NEW_TITLE);
  const traffic = page.getByRole('group', { name: /^Aktivitet \d+ – Trafikkontroll$/ });
  await expect(traffic.getByLabel('Antal gånger')).toHaveValue('30');
  await traffic.getByLabel('Antal gånger').fill('40');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByText('Utkastet sparat')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Redigera ${NEW_TITLE}`, level: 1 })).toBeVisible();
  await shot(page, 'catalogue-light-3-draft');

  // 3. Publish, after the question.
  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByText(/Publicera perioden\?/)).toBeVisible();
  await shot(page, 'catalogue-light-4-publish-question');
  await page.getByRole('button', { name: 'Ja, publicera' }).click();
  await expect(page.getByText('Perioden publicerad')).toBeVisible();
  await expect(page.getByText(/En rättelse sparas som en ny version/)).toBeVisible();
  await page.getByRole('link', { name: /Tillbaka till löftena/ }).click();
  await expect(nassjo(page).getByRole('link', { name: new RegExp(NEW_TITLE) })).toContainText('Publicerad');

  // The phone is back: it syncs and shows the new period, and logs against it.
  await phone.setOffline(false);
  const syncNow = officer.getByRole('button', { name: 'Synka nu' });
  await expect(syncNow).toBeEnabled();
  await syncNow.click();
  await expect(officer.getByRole('heading', { name: `Nässjö · ${NEW_TITLE}` })).toBeVisible();
  await expect(officer.getByRole('link', { name: /Trafikkontroll/ })).toContainText('40');
  await logActivity(officer, /Trafikkontroll/, 'E2E Ny period', (p) => p.getByLabel('Kontrollerade fordon', { exact: true }).fill('12'));
  await expect(officer.getByText('Allt skickat')).toBeVisible();
  await shot(officer, 'catalogue-light-5-officer-new-period');

  const { token } = await login(server.url, 'polis1');
  const entry = (await pullAll(server.url, token)).find((r) => r.content.place === 'E2E Ny period');
  expect(entry?.content.promiseId).toBe(NEW_ID);
  expect(entry?.content.activityId.startsWith(`${NEW_ID}-a`)).toBe(true);
  await desk.close();
  await phone.close();
});

test('catalogue screens in dark mode', async () => {
  const ctx = await openBrowser(newProfileDir(), 'dark');
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page, 'samordnare');
  await openCatalogue(page);
  await shot(page, 'catalogue-dark-1-list');
  await nassjo(page).getByRole('link', { name: new RegExp(NEW_TITLE) }).click();
  await expect(page.getByRole('heading', { name: 'Versionshistorik' })).toBeVisible();
  await shot(page, 'catalogue-dark-2-published');
  await page.goto(`${server.url}/#/katalog/ny/tranas`);
  await page.getByRole('button', { name: '+ Lägg till aktivitet' }).click();
  await page.getByRole('group', { name: 'Aktivitet 1' }).getByRole('button', { name: 'Antal' }).click();
  await page.getByRole('group', { name: 'Aktivitet 1' }).getByLabel('Antal gånger').fill('0');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByText('Målet ska vara ett positivt heltal.')).toBeVisible();
  await shot(page, 'catalogue-dark-3-errors');
  await page.getByRole('group', { name: 'Aktivitet 1' }).scrollIntoViewIfNeeded();
  await shot(page, 'catalogue-dark-4-activity');
  await ctx.close();
});
