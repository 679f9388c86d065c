import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { DEFAULT_LANGUAGE } from '../shared/domain/default-language.ts';
import { firstScreenModules } from './first-screen-modules.ts';
import { splitWords, wordReferences, type WordReferences, type Words } from './first-screen-word-keys.ts';

/** `import('virtual:words/ug/first')`: a language's words, in two parts (src/client/i18n/index.ts). */
const WORDS_ID = /^virtual:words\/([A-Za-z-]+)\/(first|rest)$/;
/** The module id a words part resolves to; first-screen-preload.ts finds the first part's chunk by it. */
export const WORDS_MODULE = /^\0virtual:words\/([A-Za-z-]+)\/(first|rest)$/;
/** Stands for a part's words in the built code until the first screens' code is known. */
const PLACEHOLDER = /(["'`])cunzhan-words:([A-Za-z-]+):(first|rest)\1/g;

const LOCALES = 'src/client/i18n/locales';

/**
 * Each language's words in two chunks: the words the first screens use
 * (the entry, the screens before sign-in, the signed-in frame and the sell
 * screen, as first-screen-chunks.ts cuts them) and the rest. A cold load
 * over a slow link fetches only the first part with the screen's code, about
 * a fifth of the words; the rest follows once the screen is drawn, and every
 * other screen waits for it (`withAllWords` in src/client/i18n/index.ts).
 *
 * Which words are first is read off the first screens' code once the module
 * graph is complete (first-screen-word-keys.ts); until then each part is a
 * placeholder, replaced as its chunk is rendered, before the file's hash is
 * taken. Outside a build (the tests, the dev server) the first part is all
 * the words and the rest is empty.
 */
export function firstScreenWords(): Plugin {
  let root = process.cwd();
  let building = false;
  const code = new Map<string, string>();
  let references: WordReferences | undefined;
  /** Each language split once, for both of its chunks. */
  const splits = new Map<string, { first: Words; rest: Words }>();
  const wordsOf = (lang: string): Words => JSON.parse(readFileSync(join(root, LOCALES, `${lang}.json`), 'utf8')) as Words;

  return {
    name: 'cunzhan-first-screen-words',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    resolveId(id) {
      return WORDS_ID.test(id) ? `\0${id}` : undefined;
    },
    load(id) {
      const match = WORDS_MODULE.exec(id);
      if (!match) return undefined;
      const [, lang, part] = match as unknown as [string, string, 'first' | 'rest'];
      this.addWatchFile(join(root, LOCALES, `${lang}.json`));
      if (!building) return `export default ${JSON.stringify(part === 'first' ? wordsOf(lang) : {})};`;
      // JSON.parse of a string: parsed faster than the same object as code.
      return `export default JSON.parse(${JSON.stringify(`cunzhan-words:${lang}:${part}`)});`;
    },
    transform: {
      order: 'post',
      handler(source, id) {
        if (building && !id.includes('node_modules') && id.replaceAll('\\', '/').includes('/src/')) code.set(id, source);
        return undefined;
      },
    },
    buildEnd() {
      if (!building) return;
      const modules = firstScreenModules(this);
      if (!modules) return;
      // Every language has the same keys (tests/component/locales.test.tsx).
      const namespaces = Object.keys(wordsOf(DEFAULT_LANGUAGE));
      references = { keys: new Set(), prefixes: new Set() };
      splits.clear();
      for (const id of [...modules.entry, ...modules.gate, ...modules.signedIn, ...modules.pin]) {
        const source = code.get(id);
        if (source !== undefined) wordReferences(source, namespaces, references);
      }
    },
    outputOptions(options) {
      const named = options.chunkFileNames ?? 'assets/[name]-[hash].js';
      return {
        ...options,
        // `words-ug-first-[hash].js` rather than `first-[hash].js` three times over.
        chunkFileNames: (chunk) => {
          const [, lang, part] = WORDS_MODULE.exec(chunk.facadeModuleId ?? '') ?? [];
          if (lang && part) return `assets/words-${lang}-${part}-[hash].js`;
          return typeof named === 'function' ? named(chunk) : named;
        },
      };
    },
    renderChunk(chunkCode) {
      if (!chunkCode.includes('cunzhan-words:')) return null;
      if (!references) throw new Error('first-screen words: a words chunk rendered before the first screens were read');
      const known = references;
      return chunkCode.replace(PLACEHOLDER, (_all, _quote, lang: string, part: 'first' | 'rest') => {
        let split = splits.get(lang);
        if (!split) splits.set(lang, (split = splitWords(wordsOf(lang), known)));
        return JSON.stringify(JSON.stringify(split[part]));
      });
    },
  };
}
