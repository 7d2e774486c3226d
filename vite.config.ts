import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { bundleBudget, eagerClosure } from './scripts/bundle-budget.ts';
import { precompress } from './scripts/precompress.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// A build id on top of the package version, so that every deploy is a new version to the service worker bridge.
const appVersion = process.env.APP_VERSION ?? `${pkg.version}+${new Date().toISOString().slice(0, 16)}`;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    preact(),
    eagerClosure.plugin(),
    bundleBudget(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'] },
      manifest: {
        name: 'Medborgarlöfte – fältlogg',
        short_name: 'Fältlogg',
        description: 'Registrera insatser enligt kommunens medborgarlöfte, även utan nät.',
        lang: 'sv',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#0b1d3a',
        theme_color: '#0b1d3a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    precompress(),
  ],
  // Dexie's own ES module build rather than its default import wrapper, which loads the
  // UMD bundle whole: from the ES build the bundler leaves out what the app never uses,
  // about 2 KiB gzip of the log screen's first load (scripts/bundle-budget.ts). The wrapper
  // only guards against two copies of Dexie in one page; the app bundles one.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Every browser the app supports has modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the entry imports statically in one chunk: left to itself the bundler
        // splits the modules the lazy screens share with the log screen into a dozen small
        // chunks, each one more request on the first load's critical path and all of them
        // together about 5 KiB gzip more than one chunk (no cross-chunk imports, one
        // compression window). The lazy screens import what they share from it. The same
        // for the app behind the lock (the log screen and the database layer), which the
        // start fetches at once: one 'shell' chunk of their static imports that the lock
        // screen's chunk does not have (scripts/bundle-budget.ts, EAGER_MODULES).
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'shell', test: (id: string) => eagerClosure.has(id), priority: 1 },
          ],
        },
      },
    },
  },
});
