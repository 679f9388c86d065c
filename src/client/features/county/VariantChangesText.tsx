import type { VariantChanges } from '../../../shared/training/lesson-variants';
import { useFormat } from '../../ui/format';
import { useCountyTranslation } from './i18n';

/** What a variant changed, in words: "2 texts rewritten · 1 step hidden · reordered". */
export function VariantChangesText({ changes }: { changes: VariantChanges }) {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const parts: string[] = [];
  if (changes.textsChanged > 0) parts.push(t('variants.changes.texts', { count: changes.textsChanged, n: fmt.number(changes.textsChanged) }));
  if (changes.hidden > 0) parts.push(t('variants.changes.hidden', { count: changes.hidden, n: fmt.number(changes.hidden) }));
  if (changes.photos > 0) parts.push(t('variants.changes.photos', { count: changes.photos, n: fmt.number(changes.photos) }));
  if (changes.reordered) parts.push(t('variants.changes.reordered'));
  return <span>{parts.length > 0 ? parts.join(' · ') : t('variants.changes.none')}</span>;
}
