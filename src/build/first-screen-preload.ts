import type { Plugin } from 'vite';
import { FIRST_SCREEN_PRELOAD_SCRIPT } from '../shared/first-screen/first-screen-preload.ts';
import { DEFAULT_LANGUAGE } from '../shared/domain/default-language.ts';

/**
 * The chunks a reload while signed in needs before its first screen shows
 * (the router, the frame; the sell screen at "/"), named in
 * index.html at build time as `<meta name="preload-signed-in">` tags. The
 * small script placed after them (FIRST_SCREEN_PRELOAD_SCRIPT, allowed by its
 * hash in the server's CSP) turns them into preload links when a session is stored, so they are fetched in
 * the same wave as the entry chunk instead of one round trip after it. A
 * tablet not yet signed in fetches none of them. The same modules that
 * preloadSignedInScreen (src/client/app/first-screen.ts) imports as the app
 * starts: keep the two lists alike.
 */
export const SIGNED_IN_MODULES: readonly { module: string; path?: string }[] = [
  { module: 'src/client/app/routed.tsx' },
  { module: 'src/client/app/AppLayout.tsx' },
  { module: 'src/client/routes/sell.tsx', path: '/' },
];

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  moduleIds: string[];
  imports: string[];
  isEntry: boolean;
  viteMetadata?: { importedCss: Set<string> };
}

/** A chunk's file, every chunk it imports statically (transitively), and their CSS. */
function withStaticImports(start: ChunkLike, byName: Map<string, ChunkLike>, into: Set<string>): Set<string> {
  const visit = (chunk: ChunkLike) => {
    if (into.has(chunk.fileName)) return;
    into.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) into.add(css);
    for (const name of chunk.imports) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  visit(start);
  return into;
}

/** Each language's words are a chunk of their own (src/client/i18n/index.ts): its file, by language. */
const WORDS_MODULE = /src\/client\/i18n\/locales\/([A-Za-z-]+)\.json$/;

/** `<meta name="preload-words">` for each language's chunk; the script preloads the tablet's one. */
function wordsTags(chunks: readonly ChunkLike[]): string[] {
  const tags: string[] = [];
  for (const chunk of chunks) {
    const lang = chunk.facadeModuleId?.replaceAll('\\', '/').match(WORDS_MODULE)?.[1];
    if (!lang) continue;
    tags.push(`<meta name="preload-words" data-lang="${lang}"${lang === DEFAULT_LANGUAGE ? ' data-default' : ''} content="/${chunk.fileName}">`);
  }
  if (!tags.some((tag) => tag.includes(' data-default'))) throw new Error(`first-screen preload: no chunk of words for ${DEFAULT_LANGUAGE}`);
  return tags;
}

export function firstScreenPreload(): Plugin {
  return {
    name: 'cunzhan-first-screen-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks = Object.values(ctx.bundle).filter((c) => c.type === 'chunk') as unknown as ChunkLike[];
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        // What the entry loads already has its own preload link in the page.
        const loaded = new Set<string>();
        for (const entry of chunks.filter((c) => c.isEntry)) withStaticImports(entry, byName, loaded);
        const tags = wordsTags(chunks);
        const listed = new Set<string>();
        for (const { module, path } of SIGNED_IN_MODULES) {
          const named = (id: string | null) => id?.replaceAll('\\', '/').endsWith(module) ?? false;
          // The module's own chunk, or the chunk the bundler merged it into.
          const chunk = chunks.find((c) => named(c.facadeModuleId)) ?? chunks.find((c) => c.moduleIds.some(named));
          if (!chunk) throw new Error(`first-screen preload: no chunk for ${module}`);
          for (const file of withStaticImports(chunk, byName, new Set())) {
            if (loaded.has(file) || listed.has(file)) continue;
            listed.add(file);
            tags.push(`<meta name="preload-signed-in" content="/${file}"${path ? ` data-path="${path}"` : ''}>`);
          }
        }
        // Before the entry script and the stylesheet: a script after a stylesheet waits for it to load.
        const block = `${tags.map((tag) => `    ${tag}\n`).join('')}    <script>${FIRST_SCREEN_PRELOAD_SCRIPT}</script>\n`;
        const at = html.search(/ *<script type="module"/);
        if (at < 0) throw new Error('first-screen preload: index.html has no entry script');
        return html.slice(0, at) + block + html.slice(at);
      },
    },
  };
}
