// A signed-in Chromium profile for Lighthouse. Lighthouse opens a fresh tab, and its
// default storage reset clears only service workers, Cache Storage, file systems and
// shader cache for the origin (clearStorageTypes in lighthouse/core/config/constants.js),
// never IndexedDB, where the app keeps its session and its wrapped data key. So a
// profile that logged in once keeps Lighthouse signed in with its settings untouched:
// the default mobile config, storage reset included (a cold load: no service worker, no
// HTTP cache). We log in once here with Playwright, close, and hand the folder to
// chrome-launcher as its user-data-dir.
//
// Since issue 7 the app stands behind a PIN lock at every start (src/ui/app/gate.ts): a
// login chooses a PIN, and each page load shows the lock screen until it is entered.
// The PIN chosen here is returned so the Lighthouse run can unlock as an officer would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { DEMO_PASSWORD } from './lib/app-server.ts';

/** Not a run, repeat or keypad pattern (src/security/pin-rules.ts refuses those). */
export const BENCH_PIN = '583920';

export const SELECTORS = {
  username: '#f-username',
  password: '#f-password',
  newPin: '#pin-new',
  repeatPin: '#pin-repeat',
  unlockPin: '#pin-unlock',
  kommunButton: 'button.activity-button',
  logScreen: 'a.activity-button',
  dashboard: 'section.dashboard',
} as const;

export interface SignedInProfile {
  dir: string;
  /** The PIN to unlock with, or null when the app asked for none. */
  pin: string | null;
}

/** Submit the form that holds `selector`. */
async function submit(page: Page, selector: string): Promise<void> {
  await page.locator(`form:has(${selector}) button[type=submit]`).click();
}

/**
 * Log `username` in, choose the PIN if asked, pick `kommun` if asked, open `hash` and
 * wait for `ready` and for the first sync to settle (so the profile holds the pulled data).
 */
export async function prepareProfile(serverUrl: string, username: string, kommun: string, hash: string, ready: string): Promise<SignedInProfile> {
  const dir = mkdtempSync(join(tmpdir(), `fieldlog-lh-${username}-`));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  let pin: string | null = null;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(serverUrl);
    await page.fill(SELECTORS.username, username);
    await page.fill(SELECTORS.password, DEMO_PASSWORD);
    await submit(page, SELECTORS.password);
    // After the login: a PIN to choose (issue 7), the kommun picker, or the app itself.
    const next = page.locator([SELECTORS.newPin, SELECTORS.kommunButton, SELECTORS.logScreen, SELECTORS.dashboard].join(', ')).first();
    await next.waitFor({ timeout: 60_000 });
    if (await page.locator(SELECTORS.newPin).count()) {
      pin = BENCH_PIN;
      await page.fill(SELECTORS.newPin, pin);
      await page.fill(SELECTORS.repeatPin, pin);
      await submit(page, SELECTORS.newPin);
      await page.locator([SELECTORS.kommunButton, SELECTORS.logScreen, SELECTORS.dashboard].join(', ')).first().waitFor({ timeout: 60_000 });
    }
    const picker = page.locator(SELECTORS.kommunButton, { hasText: kommun });
    if (await picker.count()) await picker.first().click();
    await page.goto(`${serverUrl}/${hash}`);
    if (pin && (await page.locator(SELECTORS.unlockPin).count())) {
      await page.fill(SELECTORS.unlockPin, pin);
      await submit(page, SELECTORS.unlockPin);
    }
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
  } finally {
    await context.close();
  }
  return { dir, pin };
}
