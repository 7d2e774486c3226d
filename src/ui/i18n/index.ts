// The UI's texts. Swedish starts with its core (sv.ts); the texts of lazily loaded screens
// arrive with them (loadStrings), so the log screen's first load carries only what it shows.
// English is one whole catalogue, loaded only when chosen. `t` is a live binding.
import { svCore, type Strings } from './sv.ts';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

/** Where the officer's choice is kept: localStorage, so boot can read it before the first render. */
export const LANGUAGE_KEY = 'fieldlog.language';

// Until a section is loaded its keys are missing at run time; every lazy screen's loader
// awaits loadStrings for the sections it reads (AppShell), before its module runs.
export let t: Strings = freshFromCore(svCore);
let current: Language = 'sv';

const SWEDISH_SECTIONS = {
  followUp: () => import('./sv-follow-up.ts').then((m) => m.svFollowUp),
  more: () => import('./sv-more.ts').then((m) => m.svMore),
  catalogue: () => import('./sv-catalogue.ts').then((m) => ({ catalogue: m.svCatalogue })),
  admin: () => import('./sv-admin.ts').then((m) => ({ admin: m.svAdmin })),
  account: () => import('./sv-account.ts').then((m) => m.svAccountSection),
};
export type StringSection = keyof typeof SWEDISH_SECTIONS;
export const STRING_SECTIONS = Object.keys(SWEDISH_SECTIONS) as StringSection[];
const loaded = new Set<StringSection>();

/** A fresh top level, so merging sections never changes svCore itself. */
function freshFromCore<T extends object>(core: T): Strings {
  return { ...core } as unknown as Strings;
}

function merge(part: Record<string, unknown>): void {
  const target = t as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(part)) {
    const existing = target[key];
    target[key] = existing && typeof existing === 'object' ? { ...existing, ...(value as object) } : value;
  }
}

/** Make the named sections' texts available (a no-op for English, which is whole). */
export async function loadStrings(...sections: StringSection[]): Promise<void> {
  if (current !== 'sv') return;
  await Promise.all(
    sections
      .filter((s) => !loaded.has(s))
      .map(async (s) => {
        merge(await SWEDISH_SECTIONS[s]());
        loaded.add(s);
      }),
  );
}

/** The locale for Intl: Swedish formats, or British English ones for the English texts. */
export function locale(): string {
  return current === 'en' ? 'en-GB' : 'sv-SE';
}

export function language(): Language {
  return current;
}

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

/**
 * Switch the texts, before the first render (main.tsx). A later change of language
 * reloads the page (AppearanceSettings): module-level texts and loaded sections start over.
 */
export async function setLanguage(lang: Language): Promise<void> {
  if (lang === 'en') {
    t = (await import('./en.ts')).en;
    current = 'en';
  } else {
    t = freshFromCore(svCore);
    loaded.clear();
    current = 'sv';
  }
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}
