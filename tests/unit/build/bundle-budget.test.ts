// The build's budget counts what a first visit loads to show the log screen: the entry
// chunk and everything it imports statically, transitively, plus the chunks the start
// fetches at once for the app behind the lock (EAGER_MODULES) with theirs, and nothing lazy.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureInitial } from '../../../scripts/bundle-budget.ts';

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false, moduleIds: string[] = []) => ({ type: 'chunk' as const, fileName, code, imports, isEntry, moduleIds });
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

  it('counts the chunks the start fetches at once for the app behind the lock, and says what the lock screen waits for', () => {
    const code = { index: 'render(LockScreen);'.repeat(20), shell: 'class Dexie {} function LogScreen() {}'.repeat(40), shared: 'export const y = 2;', lazy: 'export function Report() {}'.repeat(30) };
    const report = measureInitial([
      chunk('index.js', code.index, [], true, ['/repo/src/main.tsx']),
      chunk('shell.js', code.shell, ['shared.js'], false, ['/repo/src/ui/app/AppShell.tsx', '/repo/src/db/index.ts', '/repo/node_modules/dexie/dist/modern/dexie.mjs']),
      chunk('shared.js', code.shared),
      chunk('Report.js', code.lazy, ['shared.js'], false, ['/repo/src/ui/features/report/ReportScreen.tsx']),
    ]);
    expect(report.initialChunks.map((c) => c.file).sort()).toEqual(['index.js', 'shared.js', 'shell.js']);
    expect(report.initialGzipBytes).toBe(gz(code.index) + gz(code.shell) + gz(code.shared));
    expect(report.firstPaintGzipBytes).toBe(gz(code.index));
    expect(report.lazyChunks.map((c) => c.file)).toEqual(['Report.js']);
  });

  it('visits a chunk imported twice once, and survives an import cycle', () => {
    const report = measureInitial([chunk('a.js', 'a', ['b.js', 'c.js'], true), chunk('b.js', 'b', ['c.js']), chunk('c.js', 'c', ['a.js'])]);
    expect(report.initialChunks).toHaveLength(3);
    expect(report.initialGzipBytes).toBe(gz('a') + gz('b') + gz('c'));
  });
});
