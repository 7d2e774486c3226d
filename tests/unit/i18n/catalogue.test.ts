// The English catalogue against the Swedish one: the same keys and kinds, every text
// translated (bar a short allow-list), and every function callable with plausible
// arguments without "undefined" or "NaN" leaking into the UI.
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/ui/i18n/en.ts';
import { loadStrings, STRING_SECTIONS, t } from '../../../src/ui/i18n/index.ts';

// The whole Swedish catalogue: the core and every lazily loaded section.
await loadStrings(...STRING_SECTIONS);
const sv = t;

type Leaf = string | ((...args: never[]) => string);
type Fn = (...args: unknown[]) => string;

/** Every leaf under its dotted path ("followUp.status.achieved"). */
function leaves(node: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) leaves(value, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, node);
  }
  return out;
}

const svLeaves = leaves(sv);
const enLeaves = leaves(en);

/** Strings that are the same in both languages on purpose. */
const SAME_STRINGS = new Set([
  'nav.admin', // "Admin"
  'catalogue.kinds.lob', // "LOB": the law's name
  'followUp.period', // "Period"
  'followUp.noTarget', // "–"
  'report.status', // "Status"
  'report.csvHeader.status', // "Status"
  'appearance.languages.sv', // each language named in itself
  'appearance.languages.en',
]);

/** Functions whose output is the same in both languages for every sample argument. */
const SAME_FUNCTIONS = new Set([
  'home.period', // "2025-01-01 – 2025-12-31"
  'catalogue.period',
  'drill.range',
  'form.minutes', // "90 min", "2 h"
  'entries.revision', // "Version 2"
  'settings.version',
  'catalogue.version',
  'catalogue.historyItem', // "Version 2 · <when> · <who>"
  'report.period', // "Period: <label>"
]);

// Sample arguments by parameter name. A new function whose parameter is a number but
// whose name is not listed here gets strings, and fails on "NaN": add the name here.
const NUMBERS = [0, 1, 2, 90, 3_600_000, 200_000_000];
const NUMBER_PARAMS = new Set(['n', 'year', 'count', 'target', 'young', 'u18', 'mid', 'over', 'minutes', 'ageMs', 'ms', 'version', 'min', 'index']);
const FLAG_PARAMS = new Set(['quarter']);
const BOOLEAN_PARAMS = new Set(['reset']);
/** Parameters typed `… | null`, by function path and name. */
const NULLABLE_PARAMS = new Set(['outcome.personsChecked:young', 'catalogue.historyItem:who']);
const STRINGS = ['2025-03-01', 'Nässjö'];

function paramNames(fn: Function): string[] {
  const src = fn.toString().trim();
  const list = src.startsWith('(') ? src.slice(1, src.indexOf(')')) : src.slice(0, src.indexOf('=>'));
  return list
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function samples(path: string, name: string): unknown[] {
  const base: unknown[] = NUMBER_PARAMS.has(name) ? NUMBERS : BOOLEAN_PARAMS.has(name) || FLAG_PARAMS.has(name) ? [false, true] : STRINGS;
  return NULLABLE_PARAMS.has(`${path}:${name}`) ? [...base, null] : base;
}

/** Every combination of sample arguments for the function at a path. */
function argumentSets(path: string, fn: Function): unknown[][] {
  let sets: unknown[][] = [[]];
  for (const name of paramNames(fn)) sets = sets.flatMap((set) => samples(path, name).map((v) => [...set, v]));
  return sets;
}

const functionPaths = [...svLeaves].filter(([, v]) => typeof v === 'function').map(([path]) => path);

describe('the English catalogue', () => {
  it('has exactly the keys of the Swedish one', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...svLeaves.keys()].sort());
  });

  it('has the same kind of leaf at every key, and functions of the same arity', () => {
    const mismatches: string[] = [];
    for (const [path, s] of svLeaves) {
      const e = enLeaves.get(path);
      if (typeof e !== typeof s) mismatches.push(`${path}: ${typeof s} in sv, ${typeof e} in en`);
      else if (typeof s === 'function' && (s as Leaf as Fn).length !== (e as Fn).length) {
        mismatches.push(`${path}: ${(s as Fn).length} parameters in sv, ${(e as Fn).length} in en`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('translates every string, bar the allow-list', () => {
    const untranslated = [...svLeaves]
      .filter(([path, s]) => typeof s === 'string' && enLeaves.get(path) === s && !SAME_STRINGS.has(path))
      .map(([path, s]) => `${path}: ${String(s)}`);
    expect(untranslated).toEqual([]);
    for (const path of SAME_STRINGS) expect(enLeaves.get(path), path).toBe(svLeaves.get(path));
  });

  it('translates every function, bar the allow-list', () => {
    const untranslated = functionPaths.filter((path) => {
      const s = svLeaves.get(path) as Fn;
      const e = enLeaves.get(path) as Fn;
      return !SAME_FUNCTIONS.has(path) && argumentSets(path, s).every((args) => s(...args) === e(...args));
    });
    expect(untranslated).toEqual([]);
  });

  it('has a non-empty string leaf everywhere', () => {
    const empty = [...enLeaves].filter(([, v]) => typeof v === 'string' && v.trim() === '').map(([path]) => path);
    expect(empty).toEqual([]);
  });

  it.each(functionPaths)('%s gives a whole text for every sample argument', (path) => {
    const s = svLeaves.get(path) as Fn;
    const e = enLeaves.get(path) as Fn;
    expect(paramNames(e), 'parameter names as in Swedish').toEqual(paramNames(s));
    for (const args of argumentSets(path, s)) {
      const text = e(...args);
      const where = `${path}(${args.map((a) => JSON.stringify(a)).join(', ')}) = ${JSON.stringify(text)}`;
      expect(typeof text, where).toBe('string');
      expect(text.trim(), where).not.toBe('');
      expect(text, where).not.toMatch(/undefined|NaN|null|\[object|Infinity/);
      // A text argument the Swedish shows must show in English too (no dropped placeholder).
      const swedish = s(...args);
      for (const a of args) if (typeof a === 'string' && swedish.includes(a)) expect(text, where).toContain(a);
    }
  });
});
