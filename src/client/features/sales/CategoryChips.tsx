import { useTranslation } from '../../i18n/use-translation';
import { CATEGORIES, type Category } from '../../../shared/domain/categories';

/**
 * Chips filtering the product grid by category: "All", then each category
 * some product is filed under, in the fixed order every tablet shows.
 */
export function CategoryChips({ present, value, onChange }: {
  present: ReadonlySet<string>;
  value: Category | null;
  onChange(category: Category | null): void;
}) {
  const { t } = useTranslation();
  const shown = CATEGORIES.filter((c) => present.has(c));
  if (shown.length === 0) return null;
  const chip = (category: Category | null, label: string) => (
    <button
      key={category ?? 'all'}
      type="button"
      class={value === category ? 'chip chip-active' : 'chip'}
      aria-pressed={value === category}
      data-testid="category-chip"
      data-category={category ?? 'all'}
      onClick={() => onChange(category)}
    >
      {label}
    </button>
  );
  return (
    <div class="category-chips" role="group" aria-label={t('selling.categoriesLabel')}>
      {chip(null, t('selling.allCategories'))}
      {shown.map((c) => chip(c, t(`selling.categories.${c}`)))}
    </div>
  );
}
