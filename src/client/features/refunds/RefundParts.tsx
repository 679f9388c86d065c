import { useTranslation } from '../../i18n/use-translation';
import type { Fen } from '../../../shared/domain/money';
import type { PaymentPart } from '../../../shared/domain/payments';
import { useFormat } from '../../ui/format';

/**
 * What a refund gives back and by which means: the cash to hand over, what
 * comes off the villager's credit balance, what to send back by WeChat Pay
 * or Alipay (against the sale's own reference).
 */
export function RefundParts({ totalFen, parts, testId }: { totalFen: Fen; parts: readonly PaymentPart[]; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <dl class="refund-parts" data-testid={testId}>
      <dt class="refund-total-label">{t('refunds.total')}</dt>
      <dd class="refund-total" data-testid={`${testId}-total`}>
        {fmt.money(totalFen)}
      </dd>
      {parts.map((part) => (
        <div key={part.means} class="refund-part" data-testid={`${testId}-${part.means}`}>
          <dt>
            {t(`refunds.means.${part.means}`)}
            {part.reference && (
              <>
                {' · '}
                <bdi dir="ltr">{part.reference}</bdi>
              </>
            )}
          </dt>
          <dd>{fmt.money(part.amountFen)}</dd>
        </div>
      ))}
    </dl>
  );
}
