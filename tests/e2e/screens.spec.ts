// Every screen at 390×844, light and dark, saved to test-results/screenshots for a
// person to look at (and checked here for the essentials on each).
import { expect, test } from '@playwright/test';
import { TestServer } from './support/server.ts';
import { logActivity, newProfileDir, openBrowser, shot, signIn } from './support/app.ts';

const server = new TestServer();
test.beforeAll(async () => server.start());
test.afterAll(async () => server.dispose());

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen in ${scheme} mode`, async () => {
    const ctx = await openBrowser(newProfileDir(), scheme);
    const page = await ctx.newPage();
    const s = (name: string) => shot(page, `screens-${scheme}-${name}`);
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
    await s('1-login');
    // One officer per run: a pull would otherwise prefill the other run's places.
    await signIn(page, scheme === 'light' ? 'polis1' : 'polis2');
    await expect(page.getByRole('heading', { name: 'Välj kommun' })).toBeVisible();
    await s('2-kommun');
    await page.getByRole('button', { name: 'Vetlanda' }).click();
    await expect(page.getByRole('link', { name: /Flygande inspektion/ })).toContainText('0 / 15 under perioden');
    await s('3-hem');
    await page.getByRole('link', { name: /Trafikkontroll/ }).click();
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Rätta de markerade fälten.')).toBeVisible();
    await s('4-formular-fel');
    await page.getByLabel('Anteckning (valfri)').fill('stoppade ABC 123');
    await page.getByLabel('Plats').fill('Rv 47');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText(/ser ut att innehålla ett registreringsnummer/)).toBeVisible();
    await page.getByLabel('Anteckning (valfri)').fill('');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Sparad på enheten')).toBeVisible();
    await s('5-sparad-angra');
    await logActivity(page, /Flygande inspektion/, 'Rv 47', (p) => p.getByLabel('Kontrollerade fordon', { exact: true }).fill('4'));
    await page.getByRole('link', { name: 'Mina' }).click();
    await expect(page.getByText('På servern')).toHaveCount(2);
    await s('6-mina');
    await page.getByText(/Flygande inspektion/).click();
    await page.getByRole('button', { name: 'Återkalla' }).click();
    await s('7-aterkalla');
    await page.getByLabel('Skäl').fill('Fel kommun');
    await page.getByRole('button', { name: 'Återkalla' }).last().click();
    await expect(page.getByText(/Återkallad: Fel kommun/)).toBeVisible();
    await s('8-detalj-historik');
    await page.getByRole('link', { name: 'Skiftet' }).click();
    await expect(page.getByText(/Allt är klart|väntar på kvitto/)).toBeVisible();
    await s('9-skiftet');
    await page.getByRole('link', { name: 'Mer' }).click();
    await expect(page.getByText('Lagring på enheten')).toBeVisible();
    await s('10-mer');
    await ctx.close();
  });
}
