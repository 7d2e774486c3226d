import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// One project per runtime: pure domain and db logic in Node (fake-indexeddb), UI in
// jsdom, the server against PGlite and a real PostgreSQL.
export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/setup/fake-indexeddb.ts'] },
      },
      {
        extends: true,
        test: { name: 'ui', include: ['tests/ui/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['tests/setup/fake-indexeddb.ts', 'tests/setup/ui.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-heavy (WASM); one file at a time keeps CI's 2 cores steady.
          fileParallelism: false,
        },
      },
    ],
  },
});
