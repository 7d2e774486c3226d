// The theme: public/theme-boot.js (run before the first paint, no imports) and theme.ts
// (the app's) must set the same attributes for every stored value; the appearance
// settings apply a choice at once and keep it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { applyTheme, readTheme, THEME_KEY } from '../../src/ui/features/appearance/theme.ts';
import { AppearanceSettings } from '../../src/ui/features/appearance/AppearanceSettings.tsx';

const BOOT = readFileSync(join(process.cwd(), 'public/theme-boot.js'), 'utf8');
const INDEX = readFileSync(join(process.cwd(), 'index.html'), 'utf8');

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

describe('theme-boot.js and theme.ts agree', () => {
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

  it('index.html loads the boot script in <head>, as a classic script, before any module or stylesheet', () => {
    const head = INDEX.slice(0, INDEX.indexOf('</head>'));
    expect(head).toContain('<script src="/theme-boot.js"></script>');
    expect(head).not.toMatch(/<script(?![^>]*\bsrc=)/); // nothing inline (CSP)
    expect(INDEX).not.toMatch(/\sstyle=/);
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
