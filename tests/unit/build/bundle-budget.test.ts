// The build's budget counts what a first visit loads before any dynamic import: the entry
// chunk and everything it imports statically, transitively, and nothing lazy.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureInitial } from '../../../scripts/bundle-budget.ts';

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false) => ({ type: 'chunk' as const, fileName, code, imports, isEntry });
const gz = (s: string) => gzipSync(s, { level: 9 }).length;

describe('measureInitial', () => {
  it('sums the entry and its static imports, transitively, and leaves lazy chunks out', () => {
    const code = { index: 'import "./db.js";'.repeat(20), db: 'class Dexie {}'.repeat(50), shared: 'export const x = 1;', lazy: 'export function Dashboard() {}'.repeat(30) };
    const report = measureInitial([
      chunk('index.js', code.index, ['db.js'], true),
      chunk('db.js', code.db, ['shared.js']),
      chunk('shared.js', code.shared),
      chunk('Dashboard.js', code.lazy, ['shared.js']),
    ]);
    expect(report.initialChunks.map((c) => c.file).sort()).toEqual(['db.js', 'index.js', 'shared.js']);
    expect(report.initialGzipBytes).toBe(gz(code.index) + gz(code.db) + gz(code.shared));
    expect(report.lazyChunks).toEqual([{ file: 'Dashboard.js', gzipBytes: gz(code.lazy) }]);
  });

  it('visits a chunk imported twice once, and survives an import cycle', () => {
    const report = measureInitial([chunk('a.js', 'a', ['b.js', 'c.js'], true), chunk('b.js', 'b', ['c.js']), chunk('c.js', 'c', ['a.js'])]);
    expect(report.initialChunks).toHaveLength(3);
    expect(report.initialGzipBytes).toBe(gz('a') + gz('b') + gz('c'));
  });
});
