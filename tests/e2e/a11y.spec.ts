// Accessibility and night use, in real Chromium against the real server: every screen and
// state (sign-in, PIN, lock, log home, the form of each entry kind, errors, toast,
// entries, detail, correction, withdrawal, shift end, settings, password, follow-up,
// drill-down, report, completions, catalogue list and editor, administration, update
// banner, each sync-bar state) is checked in the light, dark and high-contrast themes with axe-core (WCAG 2.1 A
// and AA, best practice), for 48 px targets, for text at 200 % and for controls hidden
// under the bars; screenshots at 390×844 go to test-results/screenshots/a11y-*.png.
// Then: no white flash before the app has rendered, and the appearance setting itself.
import { chromium, expect, test, type Page, type Route } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/chromium.ts';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_CATALOGUE } from '../../src/domain/catalogue/seeds.ts';
import { ENTRY_KINDS } from '../../src/domain/catalogue/types.ts';
import { TestServer } from './support/server.ts';
import { E2E_PIN, logActivity, newProfileDir, openBrowser, signIn, unlock, waitForOfflineReady } from './support/app.ts';
import { Audit, shot } from './support/audit.ts';

// A copy of the build, so this spec can deploy a "new version" (an edited sw.js) for the
// update banner without touching dist/.
const build = mkdtempSync(join(tmpdir(), 'fieldlog-a11y-'));
cpSync(join(process.cwd(), 'dist'), build, { recursive: true });
// No demo entries: every figure and list is this spec's own, and short enough to check fast.
const server = new TestServer(build);
test.use({ actionTimeout: 15_000 });
test.beforeAll(async () => server.start());
test.afterAll(async () => {
  await server.dispose();
  rmSync(build, { recursive: true, force: true });
});

/** One activity per entry kind, from the seed catalogue (a past period is fine for showing the form). */
const FORM_OF_KIND = ENTRY_KINDS.map((kind) => {
  const activity = SEED_CATALOGUE.promises.flatMap((p) => p.activities).find((a) => a.entryKinds.includes(kind));
  if (!activity) throw new Error(`no activity logs ${kind}`);
  return { kind, hash: `#/logga/${encodeURIComponent(activity.id)}/${kind}` };
});

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);
const syncBar = (page: Page, state: string) => expect(page.locator(`.sync-bar-${state}`)).toBeVisible();
const syncNow = (page: Page) => page.locator('.sync-bar').getByRole('button', { name: 'Synka nu' });

function finish(audit: Audit) {
  expect(audit.problems, audit.report()).toEqual([]);
}

test('officer: sign-in, PIN, logging, entries, shift, settings, lock, sync states', async () => {
  test.setTimeout(240_000);
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  const audit = new Audit(page, 'a11y-officer');

  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await audit.check('01-login');
  await signIn(page, 'polis1', 'fel-losenord-123');
  await expect(page.locator('form.login .error')).toBeVisible();
  await audit.check('02-login-error');
  // The PIN chosen after the first login (its screen checked too, then chosen as signIn does).
  await signIn(page, 'polis1', undefined, { pin: null });
  await expect(page.getByRole('heading', { name: /^Välj en (ny )?PIN-kod$/ })).toBeVisible();
  await audit.check('02b-pin-setup');
  await page.getByLabel('Ny PIN-kod', { exact: true }).fill(E2E_PIN);
  await page.getByLabel('Upprepa PIN-koden', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: 'Spara PIN-kod' }).click();
  await expect(page.getByRole('heading', { name: 'Välj kommun' })).toBeVisible({ timeout: 30_000 });
  await audit.check('03-kommun');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await expect(page.getByRole('heading', { name: /^Nässjö · / })).toBeVisible();
  await syncBar(page, 'idle');
  await expect(page.getByText('Allt skickat')).toBeVisible();
  await audit.check('04-home', { shot200: true, shots: ['light', 'dark', 'contrast'] });

  for (const { kind, hash } of FORM_OF_KIND) {
    await go(page, hash);
    await expect(page.getByRole('button', { name: 'Spara' })).toBeVisible();
    await audit.check(`05-form-${kind}`, { shots: kind === 'traffic_check' ? ['light', 'dark', 'contrast'] : ['light', 'dark'] });
  }
  // The traffic check of the period in force: errors, then saved with the undo toast.
  await go(page, '#/');
  await page.getByRole('link', { name: /Trafikkontroll/ }).first().click();
  await page.getByLabel('Plats').fill('');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Rätta de markerade fälten.')).toBeVisible();
  await audit.check('06-form-errors', { shots: ['light', 'dark', 'contrast'] });
  await page.getByLabel('Plats').fill('A11y-torget');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Sparad på enheten')).toBeVisible();
  // Focus on Ångra holds the toast (it would go after 8 s) while it is checked.
  await page.getByRole('button', { name: 'Ångra' }).focus();
  await audit.check('07-toast', { shot200: true });

  await page.getByRole('link', { name: 'Mina' }).click();
  await expect(page.getByRole('heading', { name: 'Mina registreringar' })).toBeVisible();
  await expect(page.locator('.entry-row', { hasText: 'A11y-torget' })).toBeVisible();
  await audit.check('08-entries');
  await page.locator('.entry-row', { hasText: 'A11y-torget' }).first().click();
  await expect(page.getByRole('heading', { name: 'Historik' })).toBeVisible();
  await audit.check('09-entry-detail', { shot200: true });
  await page.getByRole('link', { name: 'Rätta' }).click();
  await expect(page.getByRole('button', { name: 'Spara rättelse' })).toBeVisible();
  await audit.check('10-correction', { shot200: true });
  await page.getByRole('button', { name: /Stäng/ }).click();
  await page.getByRole('button', { name: 'Återkalla' }).click();
  await expect(page.getByLabel('Skäl')).toBeVisible();
  await audit.check('11-withdraw');
  await page.locator('form.withdraw').getByRole('button', { name: 'Stäng' }).click();

  await page.getByRole('link', { name: 'Skiftet' }).click();
  await expect(page.getByRole('heading', { name: /Skiftet/ })).toBeVisible();
  await audit.check('12-shift');
  await page.getByRole('link', { name: 'Mer' }).click();
  await expect(page.getByText('Lagring på enheten')).toBeVisible();
  await audit.check('13-settings', { shot200: true, shots: ['light', 'dark', 'contrast'] });
  await go(page, '#/losenord');
  await expect(page.getByRole('heading', { name: 'Byt lösenord' })).toBeVisible();
  await audit.check('14-password');
  await page.getByRole('link', { name: 'Följ upp' }).click();
  await expect(page.getByRole('heading', { name: 'Uppföljning', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Data per /)).toBeVisible();
  await audit.check('15-followup-officer');
  // Every start shows the lock screen.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Ange PIN' })).toBeVisible();
  await audit.check('15b-lock', { shots: ['light', 'dark', 'contrast'] });
  await unlock(page);
  await go(page, '#/');

  // Sync bar states. Offline with one entry waiting, and the shift screen then.
  await ctx.setOffline(true);
  await logActivity(page, /^LOB/, 'A11y-stationen', (p) => p.getByRole('button', { name: 'Öka 18–21 år' }).click());
  await syncBar(page, 'offline');
  await expect(page.locator('.sync-text strong')).toHaveText('1 väntar');
  await audit.check('17-sync-offline');
  await page.getByRole('link', { name: 'Skiftet' }).click();
  await expect(page.getByText(/väntar på kvitto|1 registrering/)).toBeVisible();
  await audit.check('18-shift-waiting');
  await ctx.setOffline(false);
  // The server fails.
  await page.route('**/api/v1/sync/**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Serverfel (test)' } }) }));
  await syncNow(page).click();
  await syncBar(page, 'error');
  await audit.check('19-sync-error');
  await page.unroute('**/api/v1/sync/**');
  // A sync under way (the push held until checked).
  const held: Route[] = [];
  await page.route('**/api/v1/sync/push', (route) => void held.push(route));
  await syncNow(page).click();
  await syncBar(page, 'syncing');
  await audit.check('20-sync-syncing', { scale: false });
  await page.unroute('**/api/v1/sync/push');
  for (const r of held) await r.continue().catch(() => undefined);
  await expect(page.locator('.sync-text strong')).toHaveText('Allt skickat');
  // The session refused: "Logga in igen", and the sign-in form inside the app.
  await page.route('**/api/v1/**', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unauthorized', message: 'Sessionen har gått ut' } }) }));
  await syncNow(page).click();
  await syncBar(page, 'needs_login');
  await audit.check('21-sync-needs-login');
  await page.locator('.sync-bar').getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText(/Sessionen har gått ut. Logga in igen/)).toBeVisible();
  await audit.check('22-relogin', { shot200: true });
  await page.unroute('**/api/v1/**');

  finish(audit);
  await ctx.close();
});

test('update banner: a new version found while the app is open', async () => {
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  const audit = new Audit(page, 'a11y-update');
  await page.goto(server.url);
  await signIn(page, 'polis2');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await waitForOfflineReady(page);
  await expect(page.getByText('Allt skickat')).toBeVisible();
  // A new sw.js on the server (the build copy's; the server prefers its precompressed
  // copies, so those go), found by the browser.
  appendFileSync(join(build, 'sw.js'), '\n// a11y: next version\n');
  for (const ext of ['br', 'gz']) rmSync(join(build, `sw.js.${ext}`), { force: true });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect(page.getByText('Ny version finns')).toBeVisible({ timeout: 30_000 });
  await audit.check('23-update-banner', { shot200: true, shots: ['light', 'dark', 'contrast'] });
  finish(audit);
  await ctx.close();
});

test('shift lead: dashboard, unsent work, drill-down, report', async () => {
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  const audit = new Audit(page, 'a11y-lead');
  await page.goto(server.url);
  await signIn(page, 'gruppchef');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await expect(page.getByText('Allt skickat')).toBeVisible();
  await page.getByRole('link', { name: 'Följ upp' }).click();
  await expect(page.getByRole('heading', { name: 'Uppföljning', level: 1 })).toBeVisible();
  await expect(page.locator('.status-chip').first()).toBeVisible();
  await audit.check('30-dashboard', { shot200: true, shots: ['light', 'dark', 'contrast'] });
  await page.locator('details.unsent summary').click();
  await audit.check('31-dashboard-unsent');
  await page.locator('details.unsent summary').click();
  await page.locator('a.tally-link').first().click();
  await expect(page.getByRole('heading', { name: /^Registreringar: / })).toBeVisible();
  await audit.check('32-drilldown');
  await page.getByRole('link', { name: /Tillbaka till uppföljningen/ }).click();
  await page.getByRole('link', { name: /Rapport till kommunstyrelsen/ }).click();
  await expect(page.getByRole('heading', { name: /Uppföljning av medborgarlöfte/ })).toBeVisible();
  await audit.check('33-report', { shot200: true });
  finish(audit);
  await ctx.close();
});

test('coordinator: completions, catalogue list and editor', async () => {
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  const audit = new Audit(page, 'a11y-coordinator');
  await page.goto(server.url);
  await signIn(page, 'samordnare');
  await expect(page.getByRole('heading', { name: 'Uppföljning', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Nässjö' }).click();
  await expect(page.getByText(/^Data per /)).toBeVisible();
  const walk = page.locator('article', { has: page.getByRole('heading', { name: 'Trygghetsvandring', exact: true, level: 3 }) });
  await walk.getByRole('button', { name: 'Markera som genomförd: Trygghetsvandring' }).click();
  await walk.getByLabel('Anteckning (valfri)').fill('A11y vandring');
  await walk.scrollIntoViewIfNeeded();
  await audit.check('40-completion-form');
  await walk.getByRole('button', { name: 'Spara som genomförd' }).click();
  const mark = walk.locator('li', { hasText: 'A11y vandring' });
  await mark.getByRole('button', { name: /^Återkalla/ }).click();
  await expect(walk.getByLabel('Skäl')).toBeVisible();
  await audit.check('41-completion-withdraw');
  await walk.getByRole('button', { name: 'Avbryt' }).click();

  await page.getByRole('link', { name: 'Löften' }).click();
  await expect(page.getByRole('heading', { name: 'Medborgarlöften', level: 1 })).toBeVisible();
  await expect(page.locator('.period-row').first()).toBeVisible();
  await audit.check('42-catalogue');
  await page.locator('.period-link', { hasText: 'Medborgarlöfte 2025–2026 (exempel)' }).first().click();
  await expect(page.getByRole('heading', { name: /^Redigera /, level: 1 })).toBeVisible();
  await audit.check('43-promise-editor');
  await go(page, '#/katalog/ny/tranas');
  await page.getByRole('button', { name: '+ Lägg till aktivitet' }).click();
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.locator('.error-summary').first()).toBeVisible();
  await audit.check('44-promise-new-errors');
  finish(audit);
  await ctx.close();
});

test('admin: users, devices, new user, edit, confirm, temporary password', async () => {
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  const audit = new Audit(page, 'a11y-admin');
  await page.goto(server.url);
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Användare och enheter', level: 1 })).toBeVisible();
  await expect(page.locator('article.user-card').first()).toBeVisible();
  await audit.check('50-users');
  await page.getByRole('button', { name: '+ Ny användare' }).click();
  await audit.check('51-new-user');
  await page.locator('form.admin-form').getByRole('button', { name: 'Avbryt' }).click();
  const card = page.locator('article.user-card', { has: page.getByRole('heading', { name: 'Polis Ett (demo)', level: 2 }) });
  await card.getByRole('button', { name: 'Ändra Polis Ett (demo)' }).click();
  await audit.check('52-edit-user');
  await card.getByRole('button', { name: 'Avbryt' }).click();
  await card.getByRole('button', { name: /^Inaktivera/ }).click();
  await audit.check('53-confirm');
  await card.getByRole('button', { name: 'Avbryt' }).click();
  await card.getByRole('button', { name: /^Återställ lösenord/ }).click();
  await card.getByRole('button', { name: 'Ja, återställ' }).click();
  await expect(page.locator('.temp-value code')).toBeVisible();
  await audit.check('54-temporary-password');
  finish(audit);
  await ctx.close();
});

/** The background of the first frame: the page's colour where the app will be, from a screenshot. */
async function firstFrame(page: Page): Promise<{ app: string; bundleIn: boolean; background: string; scheme: string; pixel: number[] }> {
  // The stylesheet is in (render-blocking), the app is not: the main bundle is held back.
  await page.waitForFunction(() => !!document.body && getComputedStyle(document.body).marginTop === '0px');
  const state = await page.evaluate(() => ({
    app: document.getElementById('app')?.innerHTML ?? '',
    // index.html's static boot line is in #app before any script, so "#app is empty" no
    // longer tells whether the app has run: whether its bundle has arrived does.
    bundleIn: performance.getEntriesByType('resource').some((e) => /\/assets\/index-[^/]*\.js$/.test(e.name)),
    background: getComputedStyle(document.documentElement).backgroundColor,
    scheme: getComputedStyle(document.documentElement).colorScheme,
  }));
  const png = await page.screenshot({ clip: { x: 150, y: 400, width: 4, height: 4 }, scale: 'css' });
  const pixel = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(1, 1, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
  return { ...state, pixel };
}

const DARK_BG = 'rgb(10, 15, 26)';
const isDark = (rgb: number[]) => rgb.every((c) => c < 40);

test('no white flash: a dark theme is on the first frame, before the app has rendered', async () => {
  const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const holdBundle = async (page: Page) => {
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await delay(1500);
      await route.continue();
    });
  };
  // The colours of the very first frame, recorded by the page itself (a rAF callback runs
  // just before the frame is painted, once the render-blocking stylesheet is in), so it
  // holds even when the service worker serves the bundle faster than a route could hold it.
  const recordFirstFrame = () => {
    requestAnimationFrame(() => {
      const root = document.documentElement;
      const style = getComputedStyle(root);
      (window as unknown as { firstFrame: object }).firstFrame = { background: style.backgroundColor, scheme: style.colorScheme };
    });
  };
  const recorded = (page: Page) => page.waitForFunction(() => (window as unknown as { firstFrame?: object }).firstFrame).then((h) => h.jsonValue());

  // 1. Chosen dark, the system light: the inline theme boot must do it before the bundle.
  const ctx = await openBrowser(newProfileDir(), 'light');
  await ctx.addInitScript(() => localStorage.setItem('fieldlog.theme', 'dark'));
  await ctx.addInitScript(recordFirstFrame);
  const page = await ctx.newPage();
  await holdBundle(page);
  await page.goto(server.url, { waitUntil: 'commit' });
  let frame = await firstFrame(page);
  expect(frame.bundleIn, 'the app had already run: the check would prove nothing').toBe(false);
  expect(frame.app, 'the static boot line of index.html').toContain('class="booting"');
  expect(frame).toMatchObject({ background: DARK_BG, scheme: 'dark' });
  expect(isDark(frame.pixel), `first frame pixel ${frame.pixel}`).toBe(true);
  expect(await recorded(page)).toEqual({ background: DARK_BG, scheme: 'dark' });
  await shot(page, 'a11y-flash-1-dark-choice-before-app');
  // 2. The same on reload, now (usually) from the service worker's precache.
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await waitForOfflineReady(page);
  await page.reload();
  expect(await recorded(page)).toEqual({ background: DARK_BG, scheme: 'dark' });
  await ctx.close();

  // 3. A screen change to a screen not yet loaded (its chunk held back): the loading state
  // is dark too. Service workers blocked: the worker claims the page once installed, and
  // what it serves from its precache no route can hold back.
  const fresh = await chromium.launchPersistentContext(newProfileDir(), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    locale: 'sv-SE',
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  await fresh.addInitScript(() => localStorage.setItem('fieldlog.theme', 'dark'));
  const p3 = await fresh.newPage();
  await p3.goto(server.url);
  await signIn(p3, 'polis2');
  await p3.getByRole('button', { name: 'Nässjö' }).click();
  // Held until the loading state has been looked at.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await p3.route(/\/assets\/EntryList-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await p3.getByRole('link', { name: 'Mina' }).click();
  await expect(p3.getByText('Laddar…')).toBeVisible();
  frame = await firstFrame(p3);
  release();
  expect(isDark(frame.pixel), `screen change pixel ${frame.pixel}`).toBe(true);
  await expect(p3.getByRole('heading', { name: 'Mina registreringar' })).toBeVisible();
  await fresh.close();

  // 4. No choice, the system dark: dark from the CSS alone.
  const sys = await openBrowser(newProfileDir(), 'dark');
  const p2 = await sys.newPage();
  await holdBundle(p2);
  await p2.goto(server.url, { waitUntil: 'commit' });
  frame = await firstFrame(p2);
  expect(frame.bundleIn).toBe(false);
  expect(frame.app).toContain('class="booting"');
  expect(frame).toMatchObject({ background: DARK_BG, scheme: 'dark' });
  expect(isDark(frame.pixel)).toBe(true);
  await sys.close();
});

test('appearance setting: the choice applies at once, survives a reload, and the language is kept', async () => {
  const ctx = await openBrowser(newProfileDir(), 'light');
  const page = await ctx.newPage();
  await page.goto(server.url);
  await signIn(page, 'polis2');
  await page.getByRole('button', { name: 'Nässjö' }).click();
  await page.getByRole('link', { name: 'Mer' }).click();
  await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible();
  const themes = page.getByRole('radiogroup', { name: 'Tema' });
  await expect(themes.getByRole('radio', { name: 'Följ systemet' })).toBeChecked();
  await themes.getByRole('radio', { name: 'Mörkt' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('fieldlog.theme'))).toBe('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await unlock(page);
  await expect(page.getByRole('radiogroup', { name: 'Tema' }).getByRole('radio', { name: 'Mörkt' })).toBeChecked();
  // Keyboard: arrows move within the group.
  await page.getByRole('radio', { name: 'Mörkt' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  await page.getByRole('radio', { name: 'Följ systemet' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await page.evaluate(() => localStorage.getItem('fieldlog.theme'))).toBeNull();
  // Language: stored, then the page reloads.
  // click, not check: the page reloads at once, so the radio is gone before it could be read back.
  await Promise.all([page.waitForEvent('load'), page.getByRole('radiogroup', { name: /Språk/ }).getByRole('radio', { name: 'English' }).click()]);
  expect(await page.evaluate(() => localStorage.getItem('fieldlog.language'))).toBe('en');
  // The app starts again in English (the lock screen first, as at every start).
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Enter PIN' })).toBeVisible();
  await page.getByLabel('PIN', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('link', { name: 'More' })).toBeVisible();
  await ctx.close();
});
