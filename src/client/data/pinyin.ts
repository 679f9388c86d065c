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
