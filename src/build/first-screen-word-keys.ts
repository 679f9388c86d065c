/**
 * Which words the first screens use, read off their code: the keys it names
 * as string literals (`t('sell.title')`, or `'pay.means.cash'` kept in a
 * table) and the prefixes of keys it builds (`` t(`nav.${screen}`) ``). A
 * language's words are split on them into the part the first screens need
 * and the rest (first-screen-words.ts).
 */
export interface WordReferences {
  /** Keys named whole: the key itself, its plural and context forms (`key_one`), and its subtree. */
  keys: Set<string>;
  /** The literal start of keys built at run time: every key under it. */
  prefixes: Set<string>;
}

export type Words = { [key: string]: string | Words };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The references to keys under `namespaces` (a language's top-level keys) in `code`. */
export function wordReferences(code: string, namespaces: Iterable<string>, into: WordReferences = { keys: new Set(), prefixes: new Set() }): WordReferences {
  const names = [...namespaces].map(escapeRegExp).join('|');
  if (names === '') return into;
  // A quote, a namespace, a dot and key characters; then the closing quote, or `${` in a template.
  const literal = new RegExp(`(["'\`])((?:${names})\\.[\\w.-]*)(\\1|\\$\\{)`, 'g');
  for (const match of code.matchAll(literal)) {
    const [, , key, end] = match;
    if (end === '${') into.prefixes.add(key!);
    else into.keys.add(key!.replace(/\.$/, ''));
  }
  return into;
}

/** True when the first screens may show `key` (a flattened key of a language). */
export function isReferenced(key: string, references: WordReferences): boolean {
  for (const prefix of references.prefixes) if (key.startsWith(prefix)) return true;
  if (references.keys.has(key)) return true;
  // `key_one`, `key_other`, `key_male`: i18next's plural and context forms of `key`.
  const underscore = key.lastIndexOf('_');
  if (underscore > 0 && references.keys.has(key.slice(0, underscore))) return true;
  // A key whose subtree is asked for whole (`returnObjects`), or passed on as a prefix.
  for (let dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
    if (references.keys.has(key.slice(0, dot))) return true;
  }
  return false;
}

/** The keys an i18next text nests (`$t(common.ok)`). */
function nestedKeys(text: string): string[] {
  return [...text.matchAll(/\$t\(([\w.-]+)/g)].map((m) => m[1]!);
}

function flatten(words: Words, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [name, value] of Object.entries(words)) {
    if (typeof value === 'string') into.set(prefix + name, value);
    else flatten(value, `${prefix}${name}.`, into);
  }
  return into;
}

function put(words: Words, key: string, text: string): void {
  const path = key.split('.');
  let at = words;
  for (const part of path.slice(0, -1)) {
    const next = at[part];
    if (typeof next === 'object') at = next;
    else at = at[part] = {};
  }
  at[path.at(-1)!] = text;
}

/**
 * A language's words in two: those the first screens reference (with the
 * words their texts nest), and the rest. Together they are exactly `words`.
 */
export function splitWords(words: Words, references: WordReferences): { first: Words; rest: Words } {
  const flat = flatten(words);
  const firstKeys = new Set([...flat.keys()].filter((key) => isReferenced(key, references)));
  for (const key of [...firstKeys]) for (const nested of nestedKeys(flat.get(key)!)) if (flat.has(nested)) firstKeys.add(nested);
  const first: Words = {};
  const rest: Words = {};
  for (const [key, text] of flat) put(firstKeys.has(key) ? first : rest, key, text);
  return { first, rest };
}
