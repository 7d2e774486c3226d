// Texts of the appearance settings: theme and language. The language names are each in
// their own language (an officer who cannot read the current one still finds theirs).
import type { ThemeChoice } from '../features/appearance/theme.ts';

export const svAppearance = {
  title: 'Utseende och språk',
  theme: 'Tema',
  themes: {
    system: 'Följ systemet',
    light: 'Ljust',
    dark: 'Mörkt',
    contrast: 'Hög kontrast',
  } satisfies Record<ThemeChoice, string>,
  themeHints: {
    system: 'Ljust eller mörkt som telefonen är inställd, och hög kontrast om telefonen ber om det.',
    light: 'Mörk text på ljus bakgrund.',
    dark: 'För natten: mörk bakgrund utan vita ytor som bländar.',
    contrast: 'Svart på vitt med kraftiga kanter och fetare text, för starkt solljus.',
  } satisfies Record<ThemeChoice, string>,
  language: 'Språk',
  languageHint: 'Appen laddas om på det valda språket. Inget som är sparat påverkas.',
  languages: { sv: 'Svenska', en: 'English' },
};
