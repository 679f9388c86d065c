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
  // The barcode reader: streaming WebAssembly compilation requires this type.
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The shell and the service worker must be revalidated, or a tablet never sees an update.
const REVALIDATE = 'no-cache';
// The app's icons: one fetch serves the page icon and the enrol screen's picture alike.
// A new build's icons reach tablets through the service worker's precache anyway.
const ICONS = 'public, max-age=86400';

function cacheControlFor(relativePath: string): string {
  if (relativePath.startsWith('assets/')) return IMMUTABLE;
  return relativePath.startsWith('icons/') ? ICONS : REVALIDATE;
}

interface FoundFile {
  bytes: Buffer;
  /** A validator from the file's size and time: a revalidation of an unchanged file costs no body. */
  etag: string;
  lastModified: string;
}

async function fileIfExists(path: string): Promise<FoundFile | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    return {
      bytes: await readFile(path),
      etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
      lastModified: info.mtime.toUTCString(),
    };
  } catch {
    return undefined;
  }
}

/** The file, or 304 when the tablet's copy (If-None-Match) is the same. */
function answer(c: Context, file: FoundFile, contentType: string, cacheControl: string): Response {
  // A hashed asset is never asked again (immutable): validators would only add bytes to every answer.
  const headers: Record<string, string> =
    cacheControl === IMMUTABLE
      ? { 'Content-Type': contentType, 'Cache-Control': cacheControl }
      : { 'Content-Type': contentType, 'Cache-Control': cacheControl, ETag: file.etag, 'Last-Modified': file.lastModified };
  const held = c.req.header('If-None-Match');
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag)) return c.body(null, 304, headers);
  return c.body(new Uint8Array(file.bytes), 200, headers);
}

/** True when the request's Accept-Encoding takes brotli (`br`, not with q=0). */
function acceptsBrotli(c: Context): boolean {
  return (c.req.header('Accept-Encoding') ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    return name?.trim().toLowerCase() === 'br' && !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  });
}

/**
 * A hashed asset as the brotli file the build made beside it (`.br`), to a
 * browser that takes brotli; undefined otherwise (then gzip, made per request).
 */
async function brotliAsset(c: Context, full: string, contentType: string): Promise<Response | undefined> {
  if (!acceptsBrotli(c)) return undefined;
  const compressed = await fileIfExists(`${full}.br`);
  if (!compressed) return undefined;
  return c.body(new Uint8Array(compressed.bytes), 200, { 'Content-Type': contentType, 'Cache-Control': IMMUTABLE, 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
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
      const contentType = CONTENT_TYPES[extname(full)] ?? 'application/octet-stream';
      const cacheControl = cacheControlFor(relative.split(sep).join('/'));
      if (cacheControl === IMMUTABLE) {
        const brotli = await brotliAsset(c, full, contentType);
        if (brotli) return brotli;
      }
      return answer(c, file, contentType, cacheControl);
    }
    // A missing hashed asset must not be answered with HTML that then gets cached as script.
    if (relative.startsWith('assets')) return undefined;
    const index = await fileIfExists(join(base, 'index.html'));
    if (!index) return undefined;
    return answer(c, index, CONTENT_TYPES['.html']!, REVALIDATE);
  };
}
