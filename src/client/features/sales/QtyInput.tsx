import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { decimalsFor, parseQuantityText, type SoldBy } from '../../../shared/domain/quantity';

/**
 * A cart line's quantity, typed: whole pieces, or a weight with up to three
 * decimals, full-width digits too. Each valid number counts at once (the
 * total follows); while the text is not one, the line keeps its last good
 * quantity and says why, and leaving the field shows that quantity again.
 */
export function QtyInput({ qty, soldBy, label, onQty }: { qty: number; soldBy: SoldBy; label: string; onQty(qty: number): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const parsed = text === null ? qty : parseQuantityText(text, decimalsFor(soldBy));
  const invalid = text !== null && text.trim() !== '' && (parsed === null || parsed === 0);
  const errorId = useId();
  return (
    <span class="qty-input">
      <input
        data-testid="cart-qty"
        aria-label={label}
        inputMode={soldBy === 'weight' ? 'decimal' : 'numeric'}
        dir="ltr"
        enterKeyHint="done"
        value={text ?? String(qty)}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onFocus={(e) => e.currentTarget.select()}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          const n = parseQuantityText(value, decimalsFor(soldBy));
          if (n !== null && n > 0) onQty(n);
        }}
        onBlur={() => setText(null)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {invalid && (
        <span class="qty-input-error" id={errorId} role="alert" data-testid="qty-error">
          {soldBy === 'weight' ? t('selling.qtyWeight') : t('selling.qtyWhole')}
        </span>
      )}
    </span>
  );
}
