/** Where the app keeps the signed-in session in sessionStorage (src/client/auth/session.ts); the script below looks for it. */
export const SESSION_STORAGE_KEY = 'cunzhan.session';

/** Where the app keeps the tablet's language in localStorage (src/client/i18n/languages.ts); the script below reads it. */
export const LANGUAGE_STORAGE_KEY = 'cunzhan.language';

/**
 * The one inline script of the built index.html (src/build/first-screen-preload.ts
 * puts it there, after the `<meta>` tags it reads). It asks at once for what
 * the first screen needs beyond the entry chunk, so that it comes in the
 * same wave as the entry instead of one round trip after it:
 * - the words of the tablet's language (`<meta name="preload-words">`, one per
 *   language; the default language's when none is stored), on every load;
 * - on a load while someone is signed in (their session in sessionStorage),
 *   the chunks of the signed-in screen (`<meta name="preload-signed-in">`).
 * The server's CSP allows exactly this text by its hash; any other inline
 * script stays refused.
 */
// Pure: the app imports the keys above and must not carry this text in its bundle.
export const FIRST_SCREEN_PRELOAD_SCRIPT = /* @__PURE__ */ [
  'try {',
  '  const preload = (href) => {',
  "    const link = document.createElement('link');",
  "    const css = href.endsWith('.css');",
  "    link.rel = css ? 'preload' : 'modulepreload';",
  "    if (css) link.as = 'style';",
  "    link.crossOrigin = '';",
  '    link.href = href;',
  '    document.head.append(link);',
  '  };',
  '  let lang = null;',
  `  try { lang = localStorage.getItem('${LANGUAGE_STORAGE_KEY}'); } catch {}`,
  '  const words = [...document.querySelectorAll(\'meta[name="preload-words"]\')];',
  "  const mine = words.find((meta) => meta.dataset.lang === lang) ?? words.find((meta) => 'default' in meta.dataset);",
  '  if (mine) preload(mine.content);',
  `  if (sessionStorage.getItem('${SESSION_STORAGE_KEY}')) {`,
  '    for (const meta of document.querySelectorAll(\'meta[name="preload-signed-in"]\')) {',
  '      if (meta.dataset.path && meta.dataset.path !== location.pathname) continue;',
  '      preload(meta.content);',
  '    }',
  '  }',
  '} catch {}',
].join('\n');
