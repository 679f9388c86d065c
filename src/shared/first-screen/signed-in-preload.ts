/** Where the app keeps the signed-in session in sessionStorage (src/client/auth/session.ts); the script below looks for it. */
export const SESSION_STORAGE_KEY = 'cunzhan.session';

/**
 * The one inline script of the built index.html (src/build/signed-in-preload.ts
 * puts it there, after the `<meta name="preload-signed-in">` tags it reads).
 * On a load while someone is signed in (their session in sessionStorage,
 * under SESSION_STORAGE_KEY), it asks at once for the
 * chunks the signed-in screen needs, so they come in the same wave as the
 * entry chunk instead of one round trip after it. The server's CSP allows
 * exactly this text by its hash; any other inline script stays refused.
 */
// Pure: the app imports the key above and must not carry this text in its bundle.
export const SIGNED_IN_PRELOAD_SCRIPT = /* @__PURE__ */ [
  'try {',
  `  if (sessionStorage.getItem('${SESSION_STORAGE_KEY}')) {`,
  '    for (const meta of document.querySelectorAll(\'meta[name="preload-signed-in"]\')) {',
  '      if (meta.dataset.path && meta.dataset.path !== location.pathname) continue;',
  "      const link = document.createElement('link');",
  "      const css = meta.content.endsWith('.css');",
  "      link.rel = css ? 'preload' : 'modulepreload';",
  "      if (css) link.as = 'style';",
  "      link.crossOrigin = '';",
  '      link.href = meta.content;',
  '      document.head.append(link);',
  '    }',
  '  }',
  '} catch {}',
].join('\n');
