import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { FIRST_SCREEN_PRELOAD_SCRIPT } from '../../shared/first-screen/first-screen-preload';
import { PACK_MEDIA_PREFIX } from '../../shared/packs/pack-api';

/** The built index.html's one inline script, allowed by its hash (src/shared/first-screen/first-screen-preload.ts). */
const FIRST_SCREEN_PRELOAD_HASH = `'sha256-${createHash('sha256').update(FIRST_SCREEN_PRELOAD_SCRIPT).digest('base64')}'`;

/**
 * No inline script or style element anywhere but that one: the built app loads only its
 * own files. Preact sets `style` props through the CSSOM, which style-src
 * does not govern. Blob and data URLs serve camera frames and product photos.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The barcode reader is WebAssembly from this origin: compiling it needs 'wasm-unsafe-eval' (never 'unsafe-eval').
  `script-src 'self' ${FIRST_SCREEN_PRELOAD_HASH} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const EVERY_RESPONSE: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The camera reads barcodes; nothing else is asked for.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** A course pack's media file, named by its hash: its answers may be kept (the route says how long). */
function isCacheableMedia(path: string, status: number): boolean {
  return path.startsWith(PACK_MEDIA_PREFIX) && (status === 200 || status === 206 || status === 304);
}

/**
 * Headers on every response, errors and 404s included. API answers are never
 * stored by a cache: they are one device's data, behind its token. Media
 * files of course packs are the exception: the same bytes for every tablet
 * under a name that is their hash.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(EVERY_RESPONSE)) headers.set(name, value);
    if (isApiPath(c.req.path) && !isCacheableMedia(c.req.path, c.res.status)) headers.set('Cache-Control', 'no-store');
  };
}
