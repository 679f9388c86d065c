import type { Plugin } from 'vite';
import { FIRST_SCREEN_PRELOAD_SCRIPT } from '../shared/first-screen/first-screen-preload.ts';
import { DEFAULT_LANGUAGE } from '../shared/domain/default-language.ts';
import { SIGNED_IN_MODULES } from './first-screen-modules.ts';
import { WORDS_MODULE } from './first-screen-words.ts';

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

/** `<meta name="preload-words">` for each language's chunk; the script preloads the tablet's one. */
function wordsTags(chunks: readonly ChunkLike[]): string[] {
  const tags: string[] = [];
  for (const chunk of chunks) {
    // Each language's words are two chunks (first-screen-words.ts): the first screens need the first.
    const [, lang, part] = WORDS_MODULE.exec(chunk.facadeModuleId ?? '') ?? [];
    if (!lang || part !== 'first') continue;
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
