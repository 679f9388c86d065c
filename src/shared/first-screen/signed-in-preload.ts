/**
 * The one inline script of the built index.html (src/build/signed-in-preload.ts
 * puts it there, after the `<meta name="preload-signed-in">` tags it reads).
 * On a load while someone is signed in (their session in sessionStorage,
 * under the key src/client/auth/session.ts uses), it asks at once for the
 * chunks the signed-in screen needs, so they come in the same wave as the
 * entry chunk instead of one round trip after it. The server's CSP allows
 * exactly this text by its hash; any other inline script stays refused.
 */
export const SIGNED_IN_PRELOAD_SCRIPT = [
  'try {',
  "  if (sessionStorage.getItem('cunzhan.session')) {",
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
