import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Sale } from '../../../shared/domain/entities';
import { useSession } from '../../auth/session';
import { voidSale } from '../../data/commands/counter-money';
import { useSale } from '../../data/queries';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { useAction } from '../orders/useAction';
import { RefundParts } from './RefundParts';
import { previewAll } from './refund-draft';
import { useSaleRefunds, type SaleRefunds } from './refund-queries';
import { voidBlock } from './void-rules';
import './refunds.css';

/**
 * An admin voids a sale of today: all that is left of it comes back, by the
 * sale's own means, with a reason and a second "yes" (the PIN was asked on
 * the way in).
 */
export function VoidScreen({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const sale = useSale(saleId);
  const refunds = useSaleRefunds(saleId);
  if (sale === undefined || refunds === undefined) return <Loading />;
  if (sale === null) return <p class="empty">{t('receipt.notFound')}</p>;
  return <VoidForm sale={sale} refunds={refunds} />;
}

function VoidForm({ sale, refunds }: { sale: Sale; refunds: SaleRefunds }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const role = useSession()?.staff.role;
  const now = useNow(60_000);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [tried, setTried] = useState(false);
  const action = useAction();
  const block = voidBlock(sale, refunds.totals, role, new Date(now).toISOString());
  const preview = previewAll(sale, refunds.totals);
  const reasonMissing = reason.trim() === '';

  function ask(event: Event) {
    event.preventDefault();
    setTried(true);
    if (!reasonMissing) setAsking(true);
  }

  async function confirm(): Promise<void> {
    await action.run(async () => {
      await voidSale(sale.id, reason.trim());
      await navigate({ to: '/sales/$saleId', params: { saleId: sale.id } });
    });
  }

  return (
    <section class="screen refund-screen">
      <Link to="/sales/$saleId" params={{ saleId: sale.id }} className="button button-ghost back-link">
        <Icon name="back" class="flip-rtl" />
        {t('refunds.backToReceipt')} <bdi dir="ltr">{sale.receiptNo}</bdi>
      </Link>
      <h1>{t('refunds.voidTitle')}</h1>
      <p class="muted">{t('refunds.ofSale', { total: fmt.money(sale.totalFen), when: fmt.dateTime(sale.createdAt) })}</p>
      {block !== null ? (
        <p class="notice" role="status" data-testid="void-blocked">
          {t(`refunds.voidBlock.${block}`)}
        </p>
      ) : (
        <form class="refund-form" onSubmit={ask} noValidate data-testid="void-form">
          <div class="card">
            <h2>{t('refunds.voidBack')}</h2>
            {preview.parts && <RefundParts totalFen={preview.totalFen} parts={preview.parts} testId="void-preview" />}
            <p class="muted">{t('refunds.voidStock')}</p>
          </div>
          <div class="card form">
            <label class="field">
              <span>{t('refunds.reason')}</span>
              <textarea rows={2} maxLength={200} data-testid="void-reason" value={reason} aria-invalid={tried && reasonMissing} disabled={asking} onInput={(e) => setReason(e.currentTarget.value)} />
              {tried && reasonMissing && <ErrorText code="refunds.reasonNeeded" />}
            </label>
          </div>
          {asking ? (
            <div class="card void-question" role="group" aria-labelledby="void-question" data-testid="void-question">
              <p id="void-question">
                <strong>{t('refunds.voidQuestion', { receiptNo: sale.receiptNo, amount: fmt.money(preview.totalFen) })}</strong>
              </p>
              <ErrorText code={action.message?.key} params={action.message?.params} />
              <div class="actions">
                <button type="button" class="button button-large" data-testid="void-cancel" onClick={() => setAsking(false)}>
                  {t('refunds.voidKeep')}
                </button>
                <button type="button" class="button button-danger button-large" data-testid="void-confirm" disabled={action.busy} onClick={() => void confirm()}>
                  <Icon name="check" />
                  {t('refunds.voidYes')}
                </button>
              </div>
            </div>
          ) : (
            <button type="submit" class="button button-primary button-large" data-testid="void-ask">
              <Icon name="close" />
              {t('refunds.voidAsk')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
