/** What of pinyin-pro the search keys need: one function, as loaded. */
export type PinyinFn = typeof import('pinyin-pro').pinyin;

let loading: Promise<PinyinFn> | null = null;
let loaded: PinyinFn | null = null;

/**
 * pinyin-pro is large, so villagers' and products' search keys import it only
 * when keys are built or a search is typed, never with the first screen.
 * Loaded once for both.
 */
export function loadPinyin(): Promise<PinyinFn> {
  loading ??= import('pinyin-pro').then(
    (module) => (loaded = module.pinyin),
    (e: unknown) => {
      // A failed chunk load (an update replaced it, storage trouble) may work next time.
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** pinyin-pro if it has loaded, else null (rows are then keyed without pinyin, and again when next written). */
export function pinyinIfLoaded(): PinyinFn | null {
  return loaded;
}

/**
 * A kind of row's key builder, made once with pinyin-pro: `load` waits for
 * it; `now` gives it if loaded, else one without pinyin (a row keyed so is
 * keyed again when next written).
 */
export function keyBuilders<B>(make: (pinyin: PinyinFn | null) => B): { load(): Promise<B>; now(): B } {
  let withPinyin: B | null = null;
  return {
    async load() {
      const pinyin = await loadPinyin();
      return (withPinyin ??= make(pinyin));
    },
    now() {
      const pinyin = pinyinIfLoaded();
      return pinyin ? (withPinyin ??= make(pinyin)) : make(null);
    },
  };
}

/** Lower case, compatibility forms folded (full-width digits), without spaces: how keys and queries compare. */
export function normaliseSearch(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, '');
}

const HAN = /\p{Script=Han}/u;

/** The text, its words, and for Chinese every ending (a given name without the surname: 芳 of 王芳; 水 of 矿泉水). */
export function textKeys(text: string): string[] {
  const keys = [normaliseSearch(text)];
  const words = text.trim().split(/\s+/);
  if (words.length > 1) keys.push(...words.map(normaliseSearch));
  if (HAN.test(text)) {
    const chars = [...normaliseSearch(text)];
    for (let i = 1; i < chars.length; i++) keys.push(chars.slice(i).join(''));
  }
  return keys;
}

/** Full pinyin from each syllable on ('wangfang', 'fang') and the initials ('wf'); none without pinyin-pro or Chinese. */
export function pinyinKeys(pinyin: PinyinFn | null, text: string, surname = false): string[] {
  if (!pinyin || !HAN.test(text)) return [];
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true, ...(surname ? { surname: 'head' } : {}) })
    .map((s) => normaliseSearch(s))
    .filter((s) => /^[a-z]+$/.test(s));
  if (syllables.length === 0) return [];
  const keys = syllables.map((_, i) => syllables.slice(i).join(''));
  keys.push(syllables.map((s) => s[0]).join(''));
  return keys;
}
