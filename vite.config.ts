import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { firstScreenChunks } from './src/build/first-screen-chunks.ts';
import { firstScreenPreload } from './src/build/first-screen-preload.ts';
import { brotliAssets } from './src/build/brotli-assets.ts';
import { firstScreenWords } from './src/build/first-screen-words.ts';

// One config for the three builds: the PWA (`vite build`), the Node server
// (`vite build --ssr`), and the test projects (`vitest`).
// Each build of the app is told apart by its id, shown in Settings; a new id
// changes the precache manifest, so tablets are offered the update.
const buildId = process.env.CUNZHAN_BUILD_ID ?? new Date().toISOString().slice(0, 16).replace('T', ' ');
// The barcode reader's WebAssembly must be the one its JavaScript was built
// with: barcode-detector's own zxing-wasm, whatever other copy is installed.
const requireFromDetector = createRequire(createRequire(import.meta.url).resolve('barcode-detector'));
const zxingReaderWasm = requireFromDetector.resolve('zxing-wasm/reader/zxing_reader.wasm');

export default defineConfig(({ command, isSsrBuild }) => ({
  define: { __BUILD_ID__: JSON.stringify(buildId) },
  resolve: {
    alias: [
      // The app's bundle takes Dexie's own ES2018 module, not the ES5 bundle its package entry wraps: the same
      // API, 1.3 KB less on a cold load. Only when bundling: the tests load dexie-react-hooks from node_modules,
      // which would then find the other copy, and two copies of Dexie do not see each other's changes.
      ...(command === 'build' && !isSsrBuild ? [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] : []),
      { find: /^barcode-detector-reader\.wasm(\?.*)?$/, replacement: `${zxingReaderWasm}$1` },
    ],
  },
  plugins: isSsrBuild
    ? []
    : [
        preact(),
        firstScreenChunks(),
        firstScreenWords(),
        firstScreenPreload(),
        brotliAssets(),
        VitePWA({
          strategies: 'injectManifest',
          srcDir: 'src/sw',
          filename: 'sw.ts',
          injectRegister: false,
          registerType: 'prompt',
          manifest: false,
          injectManifest: {
            // wasm: the barcode reader, so scanning works offline (loaded by the page only when scanning starts).
            globPatterns: ['**/*.{js,css,html,svg,png,woff2,json,wasm}'],
            // The reader's WebAssembly is about 1.1 MB; a file over this limit would silently miss the precache.
            maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
            rollupFormat: 'iife',
          },
        }),
      ],
  // The server build needs none of the PWA's static files.
  publicDir: isSsrBuild ? false : 'public',
  build: isSsrBuild
    ? {
        ssr: true,
        outDir: 'dist/server',
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: {
          input: { main: 'src/server/main.ts', cli: 'src/server/cli.ts' },
          output: { format: 'es', entryFileNames: '[name].js' },
        },
      }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: false,
        // Tablets run Chromium, which preloads modules itself: no polyfill file on the first screen's wave.
        modulePreload: { polyfill: false },
      },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
}));
