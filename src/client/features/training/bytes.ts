import { useTranslation } from '../../i18n/use-translation';
import { useFormat } from '../../ui/format';

const KB = 1024;
const MB = 1024 * 1024;

/** Left-to-right isolate and its end: "98 KB" keeps its order inside a Uyghur (right-to-left) sentence. */
const LRI = '\u2066';
const PDI = '\u2069';

/** A size a person can read: KB below a megabyte, else MB with one decimal. */
export function useBytes(): (bytes: number) => string {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (bytes) => {
    const text =
      bytes < MB
        ? t('training.kb', { n: fmt.number(Math.max(1, Math.round(bytes / KB))) })
        : t('training.mb', { n: fmt.number(Math.round((bytes / MB) * 10) / 10) });
    return `${LRI}${text}${PDI}`;
  };
}
