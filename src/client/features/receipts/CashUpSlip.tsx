import { useTranslation } from '../../i18n/use-translation';
import type { Till } from '../../../shared/domain/counter';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { signedMoney } from './receipt-words';
import { useCentreHeading } from './useCentreHeading';
import './receipts.css';

/**
 * The cash-up as it prints (on screen the cards show it): whose till, which
 * day, the cash in and out, and the count once recorded.
 */
export function CashUpSlip({ till, staffName, dayShown }: { till: Till | null; staffName: string; dayShown: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(60_000);
  const centre = useCentreHeading();
  const cashUp = till?.cashUp ?? null;
  return (
    <article class="print-area print-only" data-testid="cashup-slip">
      <header class="receipt-head">
        <p class="receipt-centre">
          <strong>{centre.name}</strong>
        </p>
        <h2>{t('cashUp.title')}</h2>
        <p>{t('cashUp.who', { name: staffName, day: dayShown })}</p>
        <p>{t('receipts.cashUp.printedAt', { at: fmt.dateTime(new Date(now).toISOString()) })}</p>
      </header>
      <dl class="print-figures">
        <dt>{t('cashUp.cashIn')}</dt>
        <dd>{fmt.money(till?.cashInFen ?? 0)}</dd>
        <dt>{t('cashUp.cashOut')}</dt>
        <dd>{fmt.money(till?.cashOutFen ?? 0)}</dd>
        {cashUp && (
          <>
            <dt>{t('cashUp.float')}</dt>
            <dd>{fmt.money(cashUp.openingFloatFen)}</dd>
            <dt>{t('cashUp.expected')}</dt>
            <dd>{fmt.money(cashUp.expectedFen)}</dd>
            <dt>{t('cashUp.counted')}</dt>
            <dd>{fmt.money(cashUp.countedFen)}</dd>
            <dt>{t('cashUp.difference')}</dt>
            <dd>{signedMoney(cashUp.differenceFen, fmt)}</dd>
          </>
        )}
      </dl>
      {cashUp && <p>{t('cashUp.done', { time: fmt.time(cashUp.at) })}</p>}
      {cashUp?.note && <p>{cashUp.note}</p>}
    </article>
  );
}
