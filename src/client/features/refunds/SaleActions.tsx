import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import type { Refund } from '../../../shared/domain/counter';
import type { Sale } from '../../../shared/domain/entities';
import { roleMayRun } from '../../../shared/domain/permissions';
import { useSession } from '../../auth/session';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { anythingLeft } from './refund-draft';
import { useSaleRefunds } from './refund-queries';
import { voidBlock } from './void-rules';
import './refunds.css';

/**
 * What staff can do with a past sale from its receipt: see what was given
 * back so far, refund or take back lines, or void it the same day (an admin),
 * with the reason when that is not offered.
 */
export function SaleActions({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const role = useSession()?.staff.role;
  const now = useNow(60_000);
  const found = useSaleRefunds(sale.id);
  if (!found) return null;
  const { refunds, totals } = found;
  const voided = totals?.voided ?? false;
  const left = anythingLeft(sale, totals);
  const mayRefund = !!role && roleMayRun(role, 'sale.refund') && left;
  const block = voidBlock(sale, totals, role, new Date(now).toISOString());
  const backFen = refunds.reduce((sum, r) => sum + r.totalFen, 0);

  return (
    <div class="sale-actions" data-testid="sale-actions">
      {voided && (
        <p class="notice notice-warning sale-voided" role="status" data-testid="sale-voided">
          <span class="badge badge-voided">{t('refunds.badge.voided')}</span> {t('refunds.voidedNote')}
        </p>
      )}
      {refunds.length > 0 && (
        <section class="card" aria-labelledby="sale-refunds-title">
          <h2 id="sale-refunds-title" class="row-between">
            <span>{t('refunds.soFar')}</span>
            <strong class="amount" data-testid="sale-refunded-total">
              {fmt.money(backFen)}
            </strong>
          </h2>
          <ul class="list">
            {refunds.map((refund) => (
              <RefundRow key={refund.id} refund={refund} />
            ))}
          </ul>
        </section>
      )}
      {(mayRefund || block === null) && (
        <div class="actions">
          {mayRefund && (
            <Link to="/sales/$saleId/refund" params={{ saleId: sale.id }} className="button button-large" data-testid="sale-refund">
              <Icon name="undo" class="flip-rtl" />
              {t('refunds.open')}
            </Link>
          )}
          {block === null && (
            <Link to="/sales/$saleId/void" params={{ saleId: sale.id }} className="button button-large" data-testid="sale-void">
              <Icon name="close" />
              {t('refunds.voidOpen')}
            </Link>
          )}
        </div>
      )}
      {(block === 'notAdmin' || block === 'notToday') && (
        <p class="muted sale-void-why" data-testid="sale-void-why">
          {t(`refunds.voidBlock.${block}`)}
        </p>
      )}
    </div>
  );
}

function RefundRow({ refund }: { refund: Refund }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = refund.lines.length;
  return (
    <li>
      <Link to="/refunds/$refundId" params={{ refundId: refund.id }} className="list-row" data-testid="sale-refund-row">
        <span class="list-row-main">
          <strong>
            <bdi dir="ltr">{refund.receiptNo}</bdi> {refund.voided && <span class="badge badge-voided">{t('refunds.badge.voided')}</span>}
          </strong>
          <span class="muted">
            {fmt.dateTime(refund.createdAt)} · {t('refunds.lines', { count: items, n: fmt.number(items) })}
            {refund.reason && <> · <bdi>{refund.reason}</bdi></>}
          </span>
        </span>
        <strong class="amount">{fmt.money(refund.totalFen)}</strong>
      </Link>
    </li>
  );
}
