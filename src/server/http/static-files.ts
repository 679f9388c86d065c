import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The shell and the service worker must be revalidated, or a tablet never sees an update.
const REVALIDATE = 'no-cache';

function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

async function fileIfExists(path: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? await readFile(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built PWA from `root`. A GET for a path without a file gets
 * index.html, so deep links open the app; hashed assets are cached forever.
 */
export function staticFiles(root: string) {
  const base = resolve(root);
  return async (c: Context): Promise<Response | undefined> => {
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(c.req.path)).replace(/^[/\\]+/, '');
    } catch {
      return undefined;
    }
    const full = join(base, relative);
    if (full !== base && !full.startsWith(base + sep)) return undefined;
    const file = relative === '' ? undefined : await fileIfExists(full);
    if (file) {
      return c.body(new Uint8Array(file), 200, {
        'Content-Type': CONTENT_TYPES[extname(full)] ?? 'application/octet-stream',
        'Cache-Control': cacheControlFor(relative.split(sep).join('/')),
      });
    }
    // A missing hashed asset must not be answered with HTML that then gets cached as script.
    if (relative.startsWith('assets')) return undefined;
    const index = await fileIfExists(join(base, 'index.html'));
    if (!index) return undefined;
    return c.body(new Uint8Array(index), 200, { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': REVALIDATE });
  };
}
