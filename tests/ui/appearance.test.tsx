// The theme: the boot script inline in index.html's <head> (run before the first paint, no imports) and theme.ts
// (the app's) must set the same attributes for every stored value; the appearance
// settings apply a choice at once and keep it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { applyTheme, readTheme, THEME_KEY } from '../../src/ui/features/appearance/theme.ts';
import { AppearanceSettings } from '../../src/ui/features/appearance/AppearanceSettings.tsx';

const INDEX = readFileSync(join(process.cwd(), 'index.html'), 'utf8');
/** The inline scripts of index.html (the theme boot is the only one). */
const INLINE = [...INDEX.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const BOOT = INLINE[0] ?? '';

/** <head> as index.html has it, for the boot script to find its meta tags. */
function freshHead() {
  document.head.innerHTML = INDEX.slice(INDEX.indexOf('<head>') + 6, INDEX.indexOf('</head>')).replace(/<script[\s\S]*?<\/script>/g, '');
  delete document.documentElement.dataset.theme;
}

function snapshot() {
  return {
    theme: document.documentElement.dataset.theme ?? null,
    scheme: document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')!.content,
    colors: [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map((m) => m.content),
  };
}

describe('the theme boot and theme.ts agree', () => {
  beforeEach(() => localStorage.clear());

  for (const stored of [null, 'system', 'light', 'dark', 'contrast', 'purple']) {
    it(`stored ${String(stored)}`, () => {
      if (stored !== null) localStorage.setItem(THEME_KEY, stored);
      freshHead();
      new Function(BOOT)();
      const boot = snapshot();
      freshHead();
      applyTheme(readTheme());
      expect(boot).toEqual(snapshot());
      expect(boot.theme).toBe(stored === 'light' || stored === 'dark' || stored === 'contrast' ? stored : null);
    });
  }

  it('index.html runs the boot script in <head>, inline and classic, before any module or stylesheet; nothing else is inline', () => {
    const head = INDEX.slice(0, INDEX.indexOf('</head>'));
    expect(INLINE).toHaveLength(1);
    expect(head).toContain(BOOT);
    expect(BOOT).toContain("localStorage.getItem('fieldlog.theme')");
    expect(head.indexOf(BOOT)).toBeLessThan(head.search(/<script type="module"|<link rel="stylesheet"|$/));
    expect(INDEX).not.toMatch(/<style|\sstyle=|\son[a-z]+=/); // the CSP allows the script by hash, nothing else inline
  });
});

describe('Utseende och språk', () => {
  beforeEach(() => {
    localStorage.clear();
    freshHead();
  });

  it('a theme applies at once and is kept; "Följ systemet" forgets it', () => {
    render(<AppearanceSettings />);
    const group = screen.getByRole('radiogroup', { name: 'Tema' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Följ systemet' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Mörkt' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(snapshot().scheme).toBe('dark');
    fireEvent.click(screen.getByRole('radio', { name: 'Hög kontrast' }));
    expect(document.documentElement.dataset.theme).toBe('contrast');
    fireEvent.click(screen.getByRole('radio', { name: 'Följ systemet' }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(snapshot()).toEqual({ theme: null, scheme: 'light dark', colors: ['#0b1d3a', '#0b1d3a'] });
  });

  it('every option has a name and a description, and the languages are named in their own language', () => {
    render(<AppearanceSettings />);
    for (const name of ['Följ systemet', 'Ljust', 'Mörkt', 'Hög kontrast']) {
      expect(screen.getByRole('radio', { name }).getAttribute('aria-describedby')).toBeTruthy();
    }
    expect(screen.getByRole('radiogroup', { name: 'Språk' })).toBeTruthy();
    expect(screen.getByText('English').getAttribute('lang')).toBe('en');
    expect((screen.getByRole('radio', { name: 'Svenska' }) as HTMLInputElement).checked).toBe(true);
  });
});
