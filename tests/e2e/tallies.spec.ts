// The shift lead's follow-up in real Chromium against the real server: the dashboard with
// a figure known from entries this test logs itself (Nässjö 2023–2024, which the demo
// data never touches), the drill-down, the offline mark, the report saved as PDF and the
// CSV downloaded through its button, and screenshots in light and dark for a person to read.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryContent } from '../../src/domain/entry.ts';
import type { PushChange } from '../../src/domain/sync.ts';
import { TestServer } from './support/server.ts';
import { newProfileDir, openBrowser, shot, signIn, waitForOfflineReady } from './support/app.ts';
import { apiPost, login, pushChanges } from './support/api.ts';

const ARTIFACTS = join(process.cwd(), 'test-results', 'artifacts');
const P = 'nassjo-2023';
// With the demo data, so the current year's dashboard has something to show; every figure
// this spec checks is from its own entries in 2024, which the demo data never touches.
const server = new TestServer(undefined, { demoData: true });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

const traffic = (startedAt: string, vehiclesChecked: number, suspectedImpaired: number, place: string): EntryContent => ({
  kind: 'traffic_check', kommunId: 'nassjo', promiseId: P, activityId: `${P}-a3`, startedAt, utcOffsetMinutes: 120, durationMinutes: 60, place, note: '',
  details: { focus: 'nykterhet', vehiclesChecked, breathTests: vehiclesChecked, reports: 1, suspectedImpaired },
});

const change = (id: string, rev: number, entry: EntryContent, op: 'upsert' | 'void' = 'upsert'): PushChange => ({
  id, rev, op, entry, voidReason: op === 'void' ? 'Fel kommun' : null, clientTime: new Date().toISOString(),
});

/**
 * Trafikkontroll in 2024 (30 per år): E1 (Q3), E2 (30 Sept 23:30 in Stockholm: Q3),
 * E3 (1 Oct 00:30: Q4, corrected from 30 to 35 vehicles), E4 voided → 3 in 2024,
 * 40 + 25 + 35 = 100 vehicles, 1 suspected. The year is over, 3 < 30: "ej uppnått".
 */
async function logKnownEntries(): Promise<void> {
  const polis = await login(server.url, 'polis1');
  const ids = Array.from({ length: 6 }, () => crypto.randomUUID());
  await pushChanges(server.url, polis.token, 'e2e-polis1-phone', [
    change(ids[0]!, 1, traffic('2024-08-14T07:00:00.000Z', 40, 1, 'E2E Rv 31 norr')),
    change(ids[1]!, 1, traffic('2024-09-30T21:30:00.000Z', 25, 0, 'E2E Storgatan')),
    change(ids[2]!, 1, traffic('2024-09-30T22:30:00.000Z', 30, 0, 'E2E Resecentrum')),
    change(ids[2]!, 2, traffic('2024-09-30T22:30:00.000Z', 35, 0, 'E2E Resecentrum')),
    change(ids[3]!, 1, traffic('2024-11-05T08:00:00.000Z', 10, 0, 'E2E Fel plats')),
    change(ids[3]!, 2, traffic('2024-11-05T08:00:00.000Z', 10, 0, 'E2E Fel plats'), 'void'),
    change(ids[4]!, 1, {
      kind: 'drug_operation', kommunId: 'nassjo', promiseId: P, activityId: `${P}-a4`, startedAt: '2024-10-10T16:00:00.000Z', utcOffsetMinutes: 120, durationMinutes: 120,
      place: 'E2E Centrum', note: '', details: { personsChecked: 12, personsAged21OrYounger: 7, drugOffencesDetected: 3, drugOffencesAged21OrYounger: 2, intelligenceLed: true },
    }),
    change(ids[5]!, 1, {
      kind: 'lob', kommunId: 'nassjo', promiseId: P, activityId: `${P}-a1`, startedAt: '2024-12-20T23:00:00.000Z', utcOffsetMinutes: 60, durationMinutes: null,
      place: 'E2E Stora torget', note: '', details: { under18: 0, age18to21: 1, over21: 2 },
    }),
  ]);
  // A phone of polis2's with work waiting since 14 hours: past one shift.
  const polis2 = await login(server.url, 'polis2');
  await apiPost(server.url, polis2.token, '/devices/heartbeat', { deviceId: 'e2e-polis2-phone', appVersion: 'e2e', queuedCount: 2, oldestQueuedAt: new Date(Date.now() - 14 * 3_600_000).toISOString() });
  // The kommun's and police's follow-up meeting, marked done by the coordinator.
  const coordinator = await login(server.url, 'samordnare');
  await apiPost(server.url, coordinator.token, '/completions', { id: crypto.randomUUID(), activityId: `${P}-a7`, doneOn: '2024-05-14', note: 'Avstämning i kommunhuset; "Nässjö trygg"' });
}

/** Logged once per server, whichever test needs them first (each test may also run alone). */
let logged: Promise<void> | null = null;
const knownEntries = (): Promise<void> => (logged ??= logKnownEntries());

const trafficCard = (page: Page) => page.locator('article', { has: page.getByRole('heading', { name: 'Trafikkontroll', level: 3 }) });

test('shift lead: dashboard, drill-down, offline, report as PDF and CSV', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await knownEntries();
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page, 'gruppchef');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await waitForOfflineReady(page);
  await expect(page.getByText('Allt skickat')).toBeVisible();

  await page.getByRole('link', { name: 'Följ upp' }).click();
  await expect(page.getByRole('heading', { name: 'Uppföljning', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Data per /)).toBeVisible();
  await expect(trafficCard(page).locator('.status-chip')).toBeVisible();
  await shot(page, 'tallies-light-1-dashboard');
  // Unsent work: the summary warns; opening it lists the devices.
  const unsent = page.locator('details.unsent');
  await expect(unsent.locator('summary')).toContainText('Äldre än ett skift');
  await unsent.locator('summary').click();
  const phone = unsent.locator('li', { hasText: 'enhet e2e-polis2-phone' });
  await expect(phone).toContainText('Polis Två (demo)');
  await expect(phone).toContainText('2 väntar · äldsta 14 h');
  await expect(phone).toContainText('Äldre än ett skift');
  await unsent.scrollIntoViewIfNeeded();
  await shot(page, 'tallies-light-6-unsent');
  await unsent.locator('summary').click();

  // 2024: only this test's entries.
  await page.getByLabel('Period').selectOption('2024');
  const card = trafficCard(page);
  await expect(card.getByRole('link', { name: 'Visa de 3 registreringarna i 2024' })).toHaveText('3 i 2024');
  await expect(card.getByText('ej uppnått')).toBeVisible();
  await expect(card.getByText('3 av 30 under 2024 · förväntat hittills 30')).toBeVisible();
  await expect(card.getByText('100 fordon kontrollerade, 100 utandningsprov, 1 misstänkt rattfylleri, 3 rapporter')).toBeVisible();
  await expect(card.getByRole('img')).toHaveAccessibleName(/kvartal 3 2024: 2, kvartal 4 2024: 1/);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'tallies-light-2-dashboard-2024');

  await card.getByRole('link', { name: 'Visa de 3 registreringarna i 2024' }).click();
  await expect(page.getByRole('heading', { name: 'Registreringar: Trafikkontroll' })).toBeVisible();
  await expect(page.locator('.entry-row')).toHaveCount(3);
  await expect(page.locator('.entry-row').first()).toContainText('E2E Resecentrum');
  await expect(page.getByText('Annan polis – kan bara läsas')).toHaveCount(3);
  await shot(page, 'tallies-light-3-drill');
  await page.locator('.entry-row').first().click();
  await expect(page.locator('.details')).toContainText('Kontrollerade fordon35'); // the corrected figure
  await expect(page.getByRole('link', { name: 'Rätta' })).toHaveCount(0);
  await page.goBack();
  await page.getByRole('link', { name: /Tillbaka till uppföljningen/ }).click();

  // Offline: the figures stay, marked as from the last sync.
  await page.getByLabel('Period').selectOption('2024');
  await ctx.setOffline(true);
  await expect(page.getByText('Offline: siffrorna är från senaste synkningen och det som sparats på enheten.')).toBeVisible();
  await expect(trafficCard(page).getByRole('link', { name: /registreringarna i 2024/ })).toHaveText('3 i 2024');
  await shot(page, 'tallies-light-4-offline');

  // The report, still offline: computed on the device.
  await page.getByRole('link', { name: 'Rapport till kommunstyrelsen (2024)' }).click();
  await expect(page.getByRole('heading', { name: 'Uppföljning av medborgarlöfte – Nässjö kommun' })).toBeVisible();
  await expect(page.getByText('Avstämning i kommunhuset; "Nässjö trygg"', { exact: false })).toBeVisible();
  await shot(page, 'tallies-light-5-report');
  await ctx.setOffline(false);

  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: join(ARTIFACTS, 'uppfoljning.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('uppfoljning-nassjo-2024.csv');
  const csvPath = join(ARTIFACTS, 'uppfoljning.csv');
  await download.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8').slice(1);
  expect(csv.split('\r\n')[0]).toMatch(/^Kommun;Medborgarlöfte;Löfteperiod;Rapportperiod;Löfte;Aktivitet;/);
  expect(csv).toContain('\r\nNässjö;Medborgarlöfte 2023–2024;2023-01-01 – 2024-12-31;2024;arbeta långsiktigt med en säker trafikmiljö inom Nässjö kommun.;Trafikkontroll;');
  expect(csv).toContain(';Polisen;30 per år;3;2024;3;30;ej uppnått;100;100;3;1;');
  expect(csv).toContain(';"2024-05-14 Avstämning i kommunhuset; ""Nässjö trygg"""\r\n');

  // The same screens in dark mode.
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'tallies-dark-5-report');
  await page.getByRole('link', { name: /Tillbaka till uppföljningen/ }).click();
  await page.getByLabel('Period').selectOption('2024');
  await expect(trafficCard(page).getByRole('link', { name: /registreringarna i 2024/ })).toHaveText('3 i 2024');
  await shot(page, 'tallies-dark-2-dashboard-2024');
  await trafficCard(page).getByRole('link', { name: /registreringarna i 2024/ }).click();
  await expect(page.locator('.entry-row')).toHaveCount(3);
  await shot(page, 'tallies-dark-3-drill');
  await page.getByRole('link', { name: /Tillbaka till uppföljningen/ }).click();
  await page.getByLabel('Period').selectOption({ index: 0 });
  await expect(trafficCard(page).locator('.status-chip')).toBeVisible();
  await shot(page, 'tallies-dark-1-dashboard');
  await ctx.close();
});

test('coordinator marks a kommun-owned activity done and withdraws it; offline keeps the text', async () => {
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page, 'samordnare');
  // A coordinator logs nothing: the app opens on the follow-up.
  await expect(page.getByRole('heading', { name: 'Uppföljning', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Logga' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Nässjö' }).click();
  await expect(page.getByText(/^Data per /)).toBeVisible();
  const walk = page.locator('article', { has: page.getByRole('heading', { name: 'Trygghetsvandring', exact: true, level: 3 }) });
  const figure = walk.locator('.tally-figure strong');
  const before = Number(await figure.textContent());

  await walk.getByRole('button', { name: 'Markera som genomförd: Trygghetsvandring' }).click();
  await ctx.setOffline(true);
  await expect(walk.getByText('Enheten är offline. Markeringar kan bara sparas med nät.')).toBeVisible();
  await walk.getByLabel('Anteckning (valfri)').fill('E2E trygghetsvandring vid resecentrum');
  await walk.getByRole('button', { name: 'Spara som genomförd' }).click();
  await expect(walk.getByText(/^Kräver nät: markeringar sparas direkt på servern/)).toBeVisible();
  await expect(walk.getByLabel('Anteckning (valfri)')).toHaveValue('E2E trygghetsvandring vid resecentrum');
  await walk.scrollIntoViewIfNeeded();
  await shot(page, 'tallies-light-7-completion-offline');

  await ctx.setOffline(false);
  await expect(walk.getByText('Enheten är offline. Markeringar kan bara sparas med nät.')).toHaveCount(0);
  await walk.getByRole('button', { name: 'Spara som genomförd' }).click();
  await expect(page.getByText('Markerad som genomförd')).toBeVisible();
  const mark = walk.locator('li', { hasText: 'E2E trygghetsvandring vid resecentrum' });
  await expect(mark).toContainText('markerat av Samordnare (demo)');
  await expect(figure).toHaveText(String(before + 1));
  await shot(page, 'tallies-light-8-completion-saved');

  await mark.getByRole('button', { name: /^Återkalla/ }).click();
  await walk.getByLabel('Skäl').fill('Fel datum');
  await walk.getByRole('button', { name: 'Återkalla markeringen' }).click();
  await expect(mark).toContainText('Återkallad: Fel datum');
  await expect(figure).toHaveText(String(before));
  await ctx.close();
});

test('officer: Följ upp shows the kommun\'s figures from the server, other officers\' entries included', async () => {
  await knownEntries();
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page, 'polis2');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await page.getByRole('link', { name: 'Följ upp' }).click();
  await expect(page.getByRole('heading', { name: 'Uppföljning', level: 1 })).toBeVisible();
  await page.getByLabel('Period').selectOption('2024');
  // polis1's three counted traffic checks of 2024, which polis2's device has never pulled.
  const card = trafficCard(page);
  await expect(card.locator('.tally-figure')).toHaveText('3 i 2024');
  await expect(card.getByText('3 av 30 under 2024 · förväntat hittills 30')).toBeVisible();
  await expect(page.getByText(/^Data per /)).toBeVisible();
  await expect(page.locator('details.unsent')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Rapport till kommunstyrelsen/ })).toHaveCount(0);
  await shot(page, 'tallies-officer-1-dashboard');
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'tallies-officer-2-dashboard-2024');
  // The drill-down lists only polis2's own entries behind the figure: none.
  await card.locator('.tally-figure').click();
  await expect(page.getByText('Visar dina egna registreringar.')).toBeVisible();
  await expect(page.locator('.entry-row')).toHaveCount(0);
  await ctx.close();
});
