// "Utseende och språk" in Mer: the theme (applied at once, kept for the next start, read
// before the first paint by the theme boot in index.html) and the language (kept, then the page reloads:
// main.tsx loads the chosen texts before the first render).
import { useState } from 'preact/hooks';
import { LANGUAGE_KEY, LANGUAGES, language, t, type Language } from '../../i18n/index.ts';
// Until the catalogue has `appearance` (i18n/sv.ts, the lead's), the Swedish texts directly.
import { flushAllDrafts } from '../../app/drafts.ts';
import { readTheme, THEME_CHOICES, writeTheme, type ThemeChoice } from './theme.ts';

interface Option<T extends string> {
  value: T;
  label: string;
  hint?: string;
  lang?: string;
}

/** Native radios (arrow keys move within the group), each a full-width 56 px row. */
function OptionGroup<T extends string>({ id, legend, hint, name, value, options, onChange }: { id: string; legend: string; hint?: string; name: string; value: T; options: Option<T>[]; onChange: (v: T) => void }) {
  return (
    <fieldset class="field option-group" role="radiogroup" aria-labelledby={`${id}-legend`} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend id={`${id}-legend`}>{legend}</legend>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      <div class="option-list">
        {options.map((o) => {
          const oid = `${id}-${o.value}`;
          return (
            <label key={o.value} class="option" for={oid}>
              <input
                id={oid}
                type="radio"
                name={name}
                value={o.value}
                checked={value === o.value}
                aria-labelledby={`${oid}-label`}
                aria-describedby={o.hint ? `${oid}-hint` : undefined}
                onChange={() => onChange(o.value)}
              />
              <span class="option-text">
                <span id={`${oid}-label`} class="option-label" lang={o.lang}>{o.label}</span>
                {o.hint && <span id={`${oid}-hint`} class="option-hint">{o.hint}</span>}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function AppearanceSettings() {
  const a = t.appearance;
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);
  const chooseTheme = (choice: ThemeChoice) => {
    writeTheme(choice);
    setTheme(choice);
  };
  const chooseLanguage = async (lang: Language) => {
    if (lang === language()) return;
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      return; // Storage disabled: a reload would come back in the same language.
    }
    await flushAllDrafts();
    location.reload();
  };
  return (
    <section aria-labelledby="appearance-title" class="appearance">
      <h2 id="appearance-title">{a.title}</h2>
      <OptionGroup
        id="f-theme"
        legend={a.theme}
        name="theme"
        value={theme}
        options={THEME_CHOICES.map((c) => ({ value: c, label: a.themes[c], hint: a.themeHints[c] }))}
        onChange={chooseTheme}
      />
      <OptionGroup
        id="f-language"
        legend={a.language}
        hint={a.languageHint}
        name="language"
        value={language()}
        options={LANGUAGES.map((l) => ({ value: l, label: a.languages[l], lang: l }))}
        onChange={(l) => void chooseLanguage(l)}
      />
    </section>
  );
}
