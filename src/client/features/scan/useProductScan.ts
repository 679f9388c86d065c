import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { findProductByBarcode } from './find-product';
import type { ScanOutcome } from './scan-purpose';
import { useWedgeScanner } from './useWedgeScanner';

/**
 * Scanned products for the sell screen, from the camera or a scanner that
 * types: a known barcode is picked (`onProduct`), an unknown one gives a
 * message. `clearSearch` empties the search box a scanner may have typed into.
 */
export function useProductScan(onProduct: (productId: string) => void, clearSearch: () => void) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);

  async function take(code: string): Promise<ScanOutcome> {
    clearSearch();
    const product = await findProductByBarcode(code);
    if (!product) return t('scan.unknownProduct', { code });
    setMessage(null);
    onProduct(product.id);
    return null;
  }

  // While the scanner sheet is open it takes the scanner's codes itself (see useWedgeScanner).
  useWedgeScanner((code) => void take(code).then(setMessage));

  return { take, message, dismiss: () => setMessage(null) };
}
