import { Link } from '@tanstack/react-router';
import type { ComponentChildren } from 'preact';
import { useTranslation } from '../../i18n/use-translation';
import { useFormat } from '../../ui/format';
import { useTillReceipts, type TillReceipt } from './till-receipts';
import './receipts.css';

function ReceiptLink({ receipt, children }: { receipt: TillReceipt; children: ComponentChildren }) {
  const common = { className: 'list-row', 'data-testid': 'till-receipt', 'data-kind': receipt.kind } as const;
  if (receipt.kind === 'sale') return <Link to="/sales/$saleId" params={{ saleId: receipt.id }} {...common}>{children}</Link>;
  if (receipt.kind === 'refund') return <Link to="/refunds/$refundId" params={{ refundId: receipt.id }} {...common}>{children}</Link>;
  return <Link to="/repayments/$repaymentId" params={{ repaymentId: receipt.id }} {...common}>{children}</Link>;
}

/** The receipts behind a till's cash, each one a tap from printing again. */
export function TillReceipts({ staffId, day }: { staffId: string; day: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const receipts = useTillReceipts(staffId, day);
  if (receipts === undefined) return null;
  return (
    <div class="card till-receipts" data-testid="till-receipts">
      <h2>{t('receipts.cashUp.receipts')}</h2>
      {receipts.length === 0 ? (
        <p class="muted">{t('receipts.cashUp.none')}</p>
      ) : (
        <ul class="list">
          {receipts.map((receipt) => (
            <li key={receipt.id}>
              <ReceiptLink receipt={receipt}>
                <span class="list-row-main">
                  <strong>
                    <bdi dir="ltr">{receipt.receiptNo}</bdi>
                  </strong>
                  <span class="muted">
                    {t(`receipts.cashUp.${receipt.kind}`)} · {fmt.time(receipt.at)}
                  </span>
                </span>
                <strong class="amount" dir="ltr">
                  {receipt.fen < 0 ? '−' : ''}
                  {fmt.money(Math.abs(receipt.fen))}
                </strong>
              </ReceiptLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
