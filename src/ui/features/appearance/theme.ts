// The officer's theme: follow the system (light or dark, and high contrast when the
// system asks for more contrast), or a fixed light, dark or high-contrast theme.
//
// Kept in localStorage, not IndexedDB: it must be read synchronously before the first
// paint, by the theme boot: a script inline in index.html's <head>, which the server's
// CSP allows by its hash alone. It repeats readTheme + applyTheme in a few lines of plain
// JavaScript; tests/ui/appearance.test.tsx checks that the two agree.

export type ThemeChoice = 'system' | 'light' | 'dark' | 'contrast';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'contrast'];
export const THEME_KEY = 'fieldlog.theme';

/**
 * The browser's bar colour per theme: the app header's colour (--brand in styles.css), so
 * the status bar and the header read as one. Also in index.html (its meta tags and the theme boot).
 */
export const THEME_COLOR = { light: '#0b1d3a', dark: '#0b1d3a', contrast: '#000000' } as const;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the system theme then applies.
    return null;
  }
}

export function readTheme(): ThemeChoice {
  const v = storage()?.getItem(THEME_KEY);
  return v === 'light' || v === 'dark' || v === 'contrast' ? v : 'system';
}

/**
 * Set the theme on <html>: data-theme for a fixed choice (none: the CSS follows the
 * system), color-scheme so that the browser's own canvas, scrollbars and form controls
 * match from the first frame, and the bar colour.
 */
export function applyTheme(choice: ThemeChoice, doc: Document = document): void {
  const root = doc.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  const scheme = doc.querySelector<HTMLMetaElement>('meta[name="color-scheme"]');
  if (scheme) scheme.content = choice === 'dark' ? 'dark' : choice === 'system' ? 'light dark' : 'light';
  doc.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]').forEach((meta) => {
    // Each tag keeps its media query for "system"; a fixed choice colours both alike.
    meta.content = choice === 'system' ? (meta.dataset.system ?? meta.content) : THEME_COLOR[choice];
  });
}

/** Remember the choice and apply it at once: no reload, no flash. */
export function writeTheme(choice: ThemeChoice, doc: Document = document): void {
  const s = storage();
  try {
    if (choice === 'system') s?.removeItem(THEME_KEY);
    else s?.setItem(THEME_KEY, choice);
  } catch {
    // Full or disabled storage: the choice holds for this session only.
  }
  applyTheme(choice, doc);
}
