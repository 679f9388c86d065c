import { useTranslation } from '../../i18n/use-translation';
import { fenToYuanText, type Fen } from '../../../shared/domain/money';
import { quickCashAmounts } from '../../../shared/domain/payments';
import { useFormat } from '../../ui/format';
import { MoneyInput } from '../counter/MoneyInput';

/**
 * Cash handed over for `cashFen`: typed, or "exact" and the next ¥10, ¥20,
 * ¥50 and ¥100 above it, a tap each. The change shows under the total.
 */
export function CashTender({ cashFen, text, invalid, onText }: { cashFen: Fen; text: string; invalid: boolean; onText(text: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // The exact amount has a button of its own.
  const quick = quickCashAmounts(cashFen).filter((fen) => fen !== cashFen);
  return (
    <div class="tender-row">
      <label class="field">
        <span class="tender-label">{t('sell.tendered')}</span>
        <MoneyInput testId="tender-input" value={text} invalid={invalid} placeholder={fenToYuanText(cashFen)} onInput={onText} />
      </label>
      <div class="quick-buttons">
        <button type="button" class="chip" data-testid="tender-exact" onClick={() => onText(fenToYuanText(cashFen))}>
          {t('sell.exact')}
        </button>
        {quick.map((fen) => (
          <button type="button" class="chip tender-note" key={fen} data-testid={`tender-${fen / 100}`} onClick={() => onText(fenToYuanText(fen))}>
            {fmt.money(fen)}
          </button>
        ))}
      </div>
    </div>
  );
}
