import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: code, styles, data and the barcode reader's WebAssembly. */
const COMPRESSIBLE = /\.(js|css|json|wasm|svg)$/;

/**
 * Writes `<asset>.br` beside each hashed asset, compressed once at build time
 * at brotli's highest quality, which the server sends to browsers that accept
 * it (src/server/http/static-files.ts). On the slow links of a first load,
 * brotli's files are about an eighth smaller than gzip's made on the fly;
 * quality 11 is too slow to run per request, cheap once per build.
 */
export function brotliAssets(): Plugin {
  let outDir = 'dist/client';
  return {
    name: 'cunzhan-brotli-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const bytes = readFileSync(join(assets, name));
        const compressed = brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        });
        if (compressed.length < bytes.length) writeFileSync(join(assets, `${name}.br`), compressed);
      }
    },
  };
}
