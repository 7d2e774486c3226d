// Accessibility checks of what is on screen, in real Chromium: axe-core (WCAG 2.1 A and AA
// plus best practice), the 48 px target rule, text at 200 %, and nothing hidden under the
// bars. Each check returns its findings as lines of text; the spec collects them and fails
// once with all of them, so one run shows every problem.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS_DIR } from './app.ts';

export const THEMES = ['light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
export const MIN_TARGET = 48;

/** A screenshot of the viewport at 390×844 CSS px (one image pixel per CSS pixel: smaller, faster, enough to read). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), scale: 'css' });
}

/** Choose a theme as the appearance setting does (localStorage + data-theme), without a reload. */
export async function setTheme(page: Page, theme: Theme | 'system'): Promise<void> {
  await page.evaluate((choice) => {
    const root = document.documentElement;
    if (choice === 'system') {
      localStorage.removeItem('fieldlog.theme');
      delete root.dataset.theme;
    } else {
      localStorage.setItem('fieldlog.theme', choice);
      root.dataset.theme = choice;
    }
  }, theme);
  await nextFrame(page);
}

export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * The rules whose outcome depends on the colours, so on the theme. Everything else axe
 * checks is the same markup whatever the theme, and is run once per screen (light).
 */
export const THEME_RULES = ['color-contrast', 'link-in-text-block'];

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/**
 * axe-core's violations, one block of text per rule with the offending nodes. The full run
 * (no `rules`) goes through AxeBuilder, which injects axe-core into the page; a run of
 * `rules` only reuses that copy (the screens change by hash, the page stays), which saves
 * injecting half a megabyte of script three times per screen.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const injected = rules ? await page.evaluate(() => 'axe' in window) : false;
  const violations: Violations = !rules
    ? (await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ['violations'] }).analyze()).violations
    : injected
      ? await page.evaluate(
          async (only) =>
            (await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violations }> } }).axe.run(document, {
              runOnly: { type: 'rule', values: only },
              resultTypes: ['violations'],
            })).violations,
          rules,
        )
      : (await new AxeBuilder({ page }).withRules(rules).options({ resultTypes: ['violations'] }).analyze()).violations;
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `      ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`).join('\n'),
  );
}

/**
 * Every visible control smaller than 48 × 48 CSS px. A checkbox or radio counts with its
 * label (the label is its hit area). Exempt, as WCAG 2.5.8's inline exception allows: a
 * link inside a sentence of running text (display inline, with other text in the same
 * block). Checked in the page, with getBoundingClientRect.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const SELECTOR = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="radio"], [role="checkbox"], [role="tab"], [tabindex]:not([tabindex="-1"])';
    const describe = (el: Element) => {
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${name}"`;
    };
    const inRunningText = (el: Element) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
      const own = (el.textContent ?? '').trim().length;
      return !!block && (block.textContent ?? '').trim().length > own + 10;
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll(SELECTOR)) {
      let r = el.getBoundingClientRect();
      // Not rendered (a closed <details>, display none, visibility hidden): not a target.
      if (r.width === 0 || r.height === 0 || !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      if (el.closest('[aria-hidden="true"], [inert]')) continue;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const label = el.labels?.[0];
        if (label) {
          const l = label.getBoundingClientRect();
          const left = Math.min(r.left, l.left), top = Math.min(r.top, l.top);
          r = new DOMRect(left, top, Math.max(r.right, l.right) - left, Math.max(r.bottom, l.bottom) - top);
        }
      }
      if (el.tagName === 'A' && inRunningText(el)) continue;
      if (r.width < min - 0.5 || r.height < min - 0.5) out.push(`${describe(el)} is ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  }, MIN_TARGET);
}

/**
 * Whether every visible control can be seen when it has focus: each is focused in turn,
 * which scrolls it into view as the browser does for a keyboard or switch user, and must
 * then not be under the header, the tab bar, the sticky Spara row or the toast (WCAG
 * 2.4.11). Focus and the scroll positions are put back afterwards.
 */
export async function obscuredControls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    const SELECTOR = 'a[href], button:not(:disabled), input:not([type="hidden"]):not(:disabled), select, textarea, summary';
    const scrollers = [document.scrollingElement!, ...document.querySelectorAll('main, #app')];
    const saved = scrollers.map((s) => s.scrollTop);
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (!el.isConnected) continue;
      const before = el.getBoundingClientRect();
      if (before.width === 0 || before.height === 0 || el.closest('[aria-hidden="true"], [inert]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      el.focus();
      if (document.activeElement !== el) continue;
      // A link that wraps over two lines: its first line box, not the rectangle around both.
      // A checkbox or radio: its label, which is what is seen and tapped.
      const shown = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.labels?.[0] ?? el) : el;
      // The middle of the control and a point near each end must be the control.
      const covered = () => {
        const r = shown.getClientRects()[0] ?? shown.getBoundingClientRect();
        const y = r.top + r.height / 2;
        const xs = [r.left + r.width / 2, r.left + Math.min(8, r.width / 4), r.right - Math.min(8, r.width / 4)];
        return xs.some((x) => {
          if (x < 0 || x > innerWidth || y < 0 || y > innerHeight) return true;
          const hit = document.elementFromPoint(x, y);
          return !hit || !(shown === hit || shown.contains(hit) || hit.contains(shown));
        });
      };
      // Something that gives way to focus (the toast) does so within a frame or two.
      let hidden = covered();
      if (hidden) {
        await frame();
        await frame();
        hidden = covered();
      }
      const r = shown.getClientRects()[0] ?? shown.getBoundingClientRect();
      const y = r.top + r.height / 2;
      if (hidden) {
        const hit = document.elementFromPoint(r.left + r.width / 2, y);
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.id).trim().replace(/\s+/g, ' ').slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} "${name}" is covered by ${hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')} "${(hit.textContent ?? '').trim().slice(0, 20)}"` : 'nothing (off screen)'}`);
      }
    }
    (document.activeElement as HTMLElement | null)?.blur();
    scrollers.forEach((s, i) => (s.scrollTop = saved[i]!));
    return out;
  });
}

/**
 * Text at 200 %: the root font size doubled, as Android's and the browsers' text-size
 * settings do (page zoom at 390 px would be a 195 px viewport instead, which is the
 * reflow criterion, not this one). Then: no horizontal scroll of the page, nothing wider
 * than the screen, no control whose text overflows it, every control still reachable and
 * not covered, and the tab bar's links on screen.
 */
export async function textScaleProblems(page: Page, shotName?: string): Promise<string[]> {
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await nextFrame(page);
  if (shotName) await shot(page, shotName);
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const se = document.scrollingElement!;
    if (se.scrollWidth > se.clientWidth) out.push(`the page scrolls sideways: ${se.scrollWidth} > ${se.clientWidth}`);
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('svg, [aria-hidden="true"]')) continue;
      if (r.right > width + 1 || r.left < -1) out.push(`${name(el)} sticks out of the screen (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' && style.overflowX !== 'auto' && style.overflowX !== 'scroll';
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && el.tagName !== 'SELECT' && el.tagName !== 'TEXTAREA' && el.tagName !== 'INPUT') out.push(`${name(el)} clips its text`);
    }
    for (const a of document.querySelectorAll<HTMLElement>('.tab-bar a')) {
      const r = a.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight + 1 || r.height < 48) out.push(`tab "${a.textContent}" is not fully on screen (${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight})`);
    }
    // How much of the screen's height shows the screen's content (not a bar), sampled down
    // the middle with the content scrolled half way.
    const main = document.querySelector('main');
    if (main) {
      const scroller = [main, document.getElementById('app'), document.scrollingElement].find((s) => s && s.scrollHeight > s.clientHeight + 1 && getComputedStyle(s).overflowY !== 'visible');
      if (scroller) scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
      let visible = 0;
      for (let y = 0; y < innerHeight; y += 4) {
        const hit = document.elementFromPoint(innerWidth / 2, y);
        if (hit && main.contains(hit)) visible += 4;
      }
      if (scroller) scroller.scrollTop = 0;
      if (visible < innerHeight * 0.5) out.push(`the bars leave only ${visible} of ${innerHeight} px for the screen's content`);
    }
    return out;
  });
  const covered = await obscuredControls(page);
  const small = await smallTargets(page);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await nextFrame(page);
  return [...found, ...covered, ...small];
}

/** A screen checked in every theme; screenshots for a person to look at. */
export class Audit {
  readonly problems: string[] = [];
  private seen = new Set<string>();

  constructor(
    private page: Page,
    private prefix: string,
  ) {}

  /**
   * `shots`: the themes to save a screenshot in (light and dark unless told).
   * `scale`: also check text at 200 % (default yes); `shot200`: and save a screenshot of it.
   */
  async check(name: string, { shots = ['light', 'dark'] as Theme[], scale = true, shot200 = false, restore = 'system' as Theme | 'system' } = {}): Promise<void> {
    if (this.seen.has(name)) throw new Error(`screen ${name} checked twice`);
    this.seen.add(name);
    const page = this.page;
    const t0 = Date.now();
    const times: string[] = [];
    const lap = (what: string) => times.push(`${what} ${Date.now() - t0}`);
    for (const theme of THEMES) {
      await setTheme(page, theme);
      const rules = theme === 'light' ? undefined : THEME_RULES;
      for (const v of await axeViolations(page, rules)) this.problems.push(`[${name} · ${theme}] axe ${v}`);
      lap(`axe-${theme}`);
      if (shots.includes(theme)) await shot(page, `${this.prefix}-${name}-${theme}`);
      lap('shot');
    }
    await setTheme(page, restore);
    for (const s of await smallTargets(page)) this.problems.push(`[${name}] under 48 px: ${s}`);
    lap('small');
    for (const s of await obscuredControls(page)) this.problems.push(`[${name}] hidden: ${s}`);
    lap('obscured');
    if (scale) for (const s of await textScaleProblems(page, shot200 ? `${this.prefix}-${name}-200pct` : undefined)) this.problems.push(`[${name} · 200 %] ${s}`);
    lap('scale');
    if (process.env.AUDIT_TIMING) console.log(`${new Date().toISOString().slice(11, 19)} ${name}: ${times.join(', ')}`);
  }

  report(): string {
    return this.problems.length === 0 ? 'no problems' : `${this.problems.length} problems:\n${this.problems.join('\n')}`;
  }
}
