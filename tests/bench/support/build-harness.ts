import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { HARNESS_BASE } from './bench-server';

const HARNESS_ROOT = resolve(import.meta.dirname, '../harness');

/**
 * Builds the harness page (the real client modules, no screens) with Vite's
 * JS API into a fresh temporary directory, served under `base` (HARNESS_BASE
 * by the bench server; '/' when a server process serves it as its client).
 * The project's config is left out on purpose: no PWA plugin, no service worker.
 */
export async function buildHarness(base = HARNESS_BASE): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'cunzhan-bench-harness-'));
  await build({
    configFile: false,
    root: HARNESS_ROOT,
    base,
    logLevel: 'warn',
    // What the app's config defines: the sync engine reports the build to the server.
    define: { __BUILD_ID__: JSON.stringify('bench') },
    // Not minified: function names stay readable in CPU profiles (BENCH_PROFILE=1).
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        // The harness imports statically what the app fetches later (the PIN's check, closed history):
        // the bundler's note that those later fetches then split nothing off says nothing about the app.
        onLog: (level, log, handler) => (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' ? undefined : handler(level, log)),
      },
    },
  });
  return outDir;
}
