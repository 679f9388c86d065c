import { gzipSync } from 'node:zlib';
import { BenchBrowser } from './bench-browser';

export interface ScriptFile {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Body bytes as transferred (the server's own compression). */
  transferBytes: number;
}

export interface FirstScreenJs {
  files: ScriptFile[];
  gzipBytes: number;
  bytes: number;
  ms: number;
}

const ENROL_SCREEN = '[data-testid="enrol-code"]';

function isScript(url: string, contentType: string | undefined): boolean {
  return /javascript/.test(contentType ?? '') || /\.m?js(\?|$)/.test(new URL(url).pathname);
}

/**
 * Loads `/` on a fresh profile, as a tablet's first visit, and collects every
 * script the page fetched until the enrol screen shows and the network is
 * idle. Each file is gzipped at level 9 and the sizes summed.
 */
export async function measureFirstScreenJs(origin: string): Promise<FirstScreenJs> {
  const tablet = await BenchBrowser.open();
  try {
    const pending: Promise<ScriptFile | null>[] = [];
    tablet.page.on('response', (response) => {
      if (!response.url().startsWith(origin) || !isScript(response.url(), response.headers()['content-type'])) return;
      pending.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return {
            path: new URL(response.url()).pathname,
            bytes: body.byteLength,
            gzipBytes: gzipSync(body, { level: 9 }).byteLength,
            transferBytes: sizes.responseBodySize,
          };
        })().catch(() => null),
      );
    });
    const started = performance.now();
    await tablet.page.goto(`${origin}/`, { waitUntil: 'load' });
    await tablet.page.locator(ENROL_SCREEN).waitFor({ state: 'visible', timeout: 60_000 });
    const ms = performance.now() - started;
    await tablet.page.waitForLoadState('networkidle', { timeout: 60_000 });
    const files = (await Promise.all(pending)).filter((f): f is ScriptFile => f !== null);
    return {
      files,
      gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      ms,
    };
  } finally {
    await tablet.close();
  }
}
