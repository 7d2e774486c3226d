// Driving the app as an officer does, plus a browser profile that survives closing.
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../bench/chromium.ts';

export const SHOTS_DIR = join(process.cwd(), 'test-results', 'screenshots');

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'fieldlog-profile-'));
}

/** A browser on a profile directory: closing it and opening another on the same directory is a phone restarting the app. */
export async function openBrowser(profileDir: string, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    colorScheme,
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

/** The PIN every spec's officer chooses at first login (the app asks for it at every start). */
export const E2E_PIN = '482915';

/**
 * Log in with the password. A first login on the device then chooses the PIN (`pin`);
 * pass `pin: null` for a login that asks for none (a new session on an unlocked app).
 */
export async function signIn(page: Page, username = 'polis1', password = 'demo-losen-2026', { pin = E2E_PIN as string | null } = {}): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.locator('form.login').getByRole('button', { name: 'Logga in' }).click();
  if (pin === null) return;
  const choosePin = page.getByRole('heading', { name: /^Välj en (ny )?PIN-kod$/ });
  // A refused login (wrong password, offline) stays on the form with its error: no PIN then.
  await expect(choosePin.or(page.locator('form.login .error'))).toBeVisible();
  if (!(await choosePin.isVisible())) return;
  await page.getByLabel('Ny PIN-kod', { exact: true }).fill(pin);
  await page.getByLabel('Upprepa PIN-koden', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Spara PIN-kod' }).click();
  await expect(page.getByRole('heading', { name: /^Välj en (ny )?PIN-kod$/ })).toHaveCount(0, { timeout: 30_000 });
}

/** The lock screen that every start shows: the PIN unlocks, offline too. */
export async function unlock(page: Page, pin = E2E_PIN): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Ange PIN' })).toBeVisible();
  await page.getByLabel('PIN-kod', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await expect(page.getByRole('heading', { name: 'Ange PIN' })).toHaveCount(0, { timeout: 30_000 });
}

/** Wait until the service worker controls the page, so that a reload works offline. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return !!reg.active && !!navigator.serviceWorker.controller;
  }, null, { timeout: 30_000 }).catch(async () => {
    // The first load is not controlled until a reload (clients.claim is not used on purpose).
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
    // A reload is a start: the app asks for the PIN.
    await unlock(page);
  });
}

export async function chooseKommun(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Mer' }).click();
  await page.getByLabel('Kommun').selectOption({ label: name });
  await page.getByRole('link', { name: 'Logga' }).click();
}

/** Open an activity's form from the home screen, apply `fill`, save, and wait for the confirmation. */
export async function logActivity(page: Page, button: RegExp, place: string, fill: (page: Page) => Promise<void> = async () => {}): Promise<void> {
  await page.getByRole('link', { name: button }).first().click();
  await expect(page.getByRole('button', { name: 'Spara' })).toBeVisible();
  await fill(page);
  await page.getByLabel('Plats').fill(place);
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Sparad på enheten')).toBeVisible();
}

export async function queuedCount(page: Page): Promise<number> {
  await expect(page.locator('.sync-text strong')).not.toHaveText('…');
  const text = (await page.locator('.sync-text strong').textContent()) ?? '';
  if (text.includes('Allt skickat')) return 0;
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}
