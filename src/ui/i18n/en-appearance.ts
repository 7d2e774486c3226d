// English texts of the appearance settings (the language names stay in their own language).
import type { svAppearance } from './sv-appearance.ts';

export const enAppearance: typeof svAppearance = {
  title: 'Appearance and language',
  theme: 'Theme',
  themes: {
    system: 'Follow the phone',
    light: 'Light',
    dark: 'Dark',
    contrast: 'High contrast',
  },
  themeHints: {
    system: 'Light or dark as the phone is set, and high contrast when the phone asks for it.',
    light: 'Dark text on a light background.',
    dark: 'For night use: a dark background with no white areas to dazzle.',
    contrast: 'Black on white with heavy borders and bolder text, for bright sunlight.',
  },
  language: 'Language',
  languageHint: 'The app reloads in the chosen language. Nothing saved is affected.',
  languages: { sv: 'Svenska', en: 'English' },
};
