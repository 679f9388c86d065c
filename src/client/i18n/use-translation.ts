import i18next, { type TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'preact/hooks';

/**
 * The words in a component, drawn again when they change: another language
 * chosen, or words added (the rest of a language after its first screens'
 * part, a namespace of the county's screens). A word missing meanwhile
 * shows as nothing (i18n/index.ts), then as itself once added.
 *
 * Written here rather than taken from a binding library: what the app asks
 * of one is this hook alone, and a binding's code would be on every cold load.
 */

/** Bumped at each change of language or words; `t` is made anew when it moves, so memoised parts redraw too. */
let revision = 0;
const listeners = new Set<() => void>();

function changed(): void {
  revision += 1;
  for (const listener of listeners) listener();
}

/** Called once i18next is initialised (its store exists from then on). */
export function watchWords(): void {
  i18next.on('languageChanged', changed);
  i18next.store.on('added', changed);
}

export function useTranslation(ns?: string): { t: TFunction; i18n: typeof i18next } {
  const [seen, setSeen] = useState(revision);
  useEffect(() => {
    const update = () => setSeen(revision);
    listeners.add(update);
    // Words may have come between the first draw and this effect.
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  const lang = i18next.language;
  // `seen` names the words' revision this `t` was made for.
  const t = useMemo(() => i18next.getFixedT(lang, ns ?? null), [lang, ns, seen]);
  return { t, i18n: i18next };
}
