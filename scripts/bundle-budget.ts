// The log screen's speed budget, kept by the build: the JavaScript a first visit loads to
// show the log screen. That is the entry chunk and its static imports (what draws the
// lock screen, the first screen of every start), plus the chunks the start fetches at
// once for the app behind the lock (EAGER_MODULES: the log screen and the database layer)
// with their static imports. Other screens are lazy chunks (src/ui/app/lazy.tsx), and so
// are the sync engine and sign-in (src/ui/app/server-services.ts) and the account screens
// with their texts (src/ui/app/account-screens.ts).
//
// The goal is 60 KiB gzip (issue 8), and the build fails above it: the ceiling is the goal.
// Every build prints the figure, the lock screen's part of it, and the distance to the
// goal; a change that needs more must move something the log screen does not need behind
// lazyScreen() or a dynamic import.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const INITIAL_JS_BUDGET_BYTES = 60 * 1024;
export const INITIAL_JS_CEILING_BYTES = INITIAL_JS_BUDGET_BYTES;

/** Modules the start fetches at once, in parallel with the lock screen (main.tsx, Root.tsx). */
export const EAGER_MODULES = ['src/ui/app/AppShell.tsx', 'src/db/index.ts'] as const;

const isEagerModule = (id: string) => EAGER_MODULES.some((m) => id.replaceAll('\\', '/').endsWith(`/${m}`));

export interface BudgetReport {
  budgetBytes: number;
  ceilingBytes: number;
  /** gzip level 9, the figure the budget is about. */
  initialGzipBytes: number;
  /** Of it, the entry and its static imports: what the first screen (the lock) waits for. */
  firstPaintGzipBytes: number;
  initialChunks: { file: string; gzipBytes: number }[];
  lazyChunks: { file: string; gzipBytes: number }[];
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  /** The modules in the chunk (a chunk group such as vite.config.ts's 'shell' has no single facade). */
  moduleIds?: readonly string[];
}

export function measureInitial(chunks: ChunkLike[]): BudgetReport {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const gz = (c: ChunkLike) => gzipSync(c.code, { level: 9 }).length;
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) visit(dep);
  };
  // The page's entry; the service worker is built separately and is not a chunk here.
  for (const c of chunks) if (c.isEntry) visit(c.fileName);
  const firstPaint = new Set(initial);
  for (const c of chunks) if (c.moduleIds?.some(isEagerModule)) visit(c.fileName);
  const initialChunks = [...initial].map((file) => ({ file, gzipBytes: gz(byFile.get(file)!) }));
  const lazyChunks = chunks.filter((c) => !initial.has(c.fileName)).map((c) => ({ file: c.fileName, gzipBytes: gz(c) }));
  return {
    budgetBytes: INITIAL_JS_BUDGET_BYTES,
    ceilingBytes: INITIAL_JS_CEILING_BYTES,
    initialGzipBytes: initialChunks.reduce((sum, c) => sum + c.gzipBytes, 0),
    firstPaintGzipBytes: initialChunks.filter((c) => firstPaint.has(c.file)).reduce((sum, c) => sum + c.gzipBytes, 0),
    initialChunks: initialChunks.sort((a, b) => b.gzipBytes - a.gzipBytes),
    lazyChunks: lazyChunks.sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

/**
 * The modules the eager ones (EAGER_MODULES) import statically, transitively: known once
 * the module graph is complete (buildEnd), asked by vite.config.ts's 'shell' chunk group.
 */
export const eagerClosure = (() => {
  const ids = new Set<string>();
  return {
    has: (id: string) => ids.has(id),
    plugin: (): Plugin => ({
      name: 'field-log-eager-closure',
      apply: 'build',
      buildEnd() {
        ids.clear();
        const visit = (id: string) => {
          if (ids.has(id)) return;
          ids.add(id);
          for (const dep of this.getModuleInfo(id)?.importedIds ?? []) visit(dep);
        };
        for (const id of this.getModuleIds()) if (isEagerModule(id)) visit(id);
      },
    }),
  };
})();

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Fails the build over the ceiling, warns over the goal; writes budget.json for the benchmark report. */
export function bundleBudget(): Plugin {
  return {
    name: 'field-log-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is typeof o & ChunkLike => o.type === 'chunk');
      const report = measureInitial(chunks);
      this.emitFile({ type: 'asset', fileName: 'budget.json', source: JSON.stringify(report, null, 2) });
      const line = `log screen initial JS ${kib(report.initialGzipBytes)} gzip, of it ${kib(report.firstPaintGzipBytes)} before the lock screen (goal ${kib(report.budgetBytes)}, ceiling ${kib(report.ceilingBytes)})`;
      const parts = report.initialChunks.map((c) => `  ${c.file} ${kib(c.gzipBytes)}`).join('\n');
      if (report.initialGzipBytes > report.ceilingBytes) {
        this.error(`${line}: over the ceiling.\n${parts}\nMove what the log screen does not need behind lazyScreen() or a dynamic import.`);
      }
      if (report.initialGzipBytes > report.budgetBytes) this.warn(`${line}: ${kib(report.initialGzipBytes - report.budgetBytes)} over the goal.`);
      else this.info(`${line}: ${kib(report.budgetBytes - report.initialGzipBytes)} under the goal.`);
    },
  };
}
