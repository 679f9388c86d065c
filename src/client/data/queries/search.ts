import type { Product } from '../../../shared/domain/entities';
import { LANGUAGES } from '../../../shared/domain/entities';

/** Case- and width-insensitive form of text for matching (full-width digits match too). */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every word of the search must appear in some name, the SKU or the barcode. */
export function productMatcher(search: string): (product: Product) => boolean {
  const terms = normalizeForSearch(search).split(' ').filter(Boolean);
  if (terms.length === 0) return () => true;
  return (product) => {
    const haystack = normalizeForSearch(
      [product.sku, product.barcode, ...LANGUAGES.map((lang) => product.names[lang] ?? '')].join('\u0000'),
    );
    return terms.every((term) => haystack.includes(term));
  };
}
