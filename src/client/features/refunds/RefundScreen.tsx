import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { roleMayRun } from '../../../shared/domain/permissions';
import type { Refund } from '../../../shared/domain/counter';
import type { Sale } from '../../../shared/domain/entities';
import { useSession } from '../../auth/session';
import { adjustStock } from '../../data/commands/adjust-stock';
import { refundSale } from '../../data/commands/counter-money';
import { useSale } from '../../data/queries';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { Segmented } from '../../ui/Segmented';
import { useFormat } from '../../ui/format';
import { useAction } from '../orders/useAction';
import { RefundLineRow } from './RefundLineRow';
import { RefundParts } from './RefundParts';
import { linesLeft, previewRefund } from './refund-draft';
import { useSaleRefunds, useWeighedProducts, type SaleRefunds } from './refund-queries';
import './refunds.css';

/** Where refunded goods go: back on the shelf (a `return`), or written off as damaged. */
type GoodsGo = 'shelf' | 'writeOff';

/**
 * A full or partial refund (a return) of a past sale: the lines and how much
 * of each comes back, where the goods go, why; the amount and the means it
 * goes back by are shown before confirming, by the rules the refund runs.
 */
export function RefundScreen({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const sale = useSale(saleId);
  const refunds = useSaleRefunds(saleId);
  const weighed = useWeighedProducts(sale ? sale.lines.map((l) => l.productId) : []);
  if (sale === undefined || refunds === undefined || weighed === undefined) return <Loading />;
  if (sale === null) return <p class="empty">{t('receipt.notFound')}</p>;
  return <RefundForm sale={sale} refunds={refunds} weighed={weighed} />;
}

function RefundForm({ sale, refunds, weighed }: { sale: Sale; refunds: SaleRefunds; weighed: Set<string> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const role = useSession()?.staff.role;
  const [typed, setTyped] = useState<Map<number, string>>(() => new Map());
  const [goods, setGoods] = useState<GoodsGo>('shelf');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<Refund | null>(null);
  const action = useAction();

  const items = linesLeft(sale, refunds.totals, weighed);
  const preview = previewRefund(sale, refunds.totals, typed, weighed);
  const nothingLeft = items.every((l) => l.left <= 0);
  const reasonMissing = reason.trim() === '';
  // A clerk's write-off is bounded (permissions.ts): a larger one is an admin's.
  const mayWriteOff = !!role && preview.lines.every((l) => roleMayRun(role, 'stock.adjust', { delta: -Math.ceil(l.qty) }));
  const ready = preview.lines.length > 0 && preview.problems.size === 0 && preview.parts !== null && (goods === 'shelf' || mayWriteOff);

  function setLine(lineIndex: number, text: string) {
    setTyped((before) => new Map(before).set(lineIndex, text));
  }

  function takeAll() {
    setTyped(new Map(items.filter((l) => l.left > 0).map((l) => [l.lineIndex, String(l.left)])));
  }

  async function confirm(event: Event): Promise<void> {
    event.preventDefault();
    setTried(true);
    if (!ready || reasonMissing) return;
    const why = reason.trim();
    await action.run(async () => {
      const refund = await refundSale(sale.id, preview.lines.map(({ lineIndex, qty }) => ({ lineIndex, qty })), why);
      if (goods === 'writeOff') {
        // The refund put the goods back (reason `return`); damaged ones leave the shelf again, named by this refund's receipt.
        // The refund stands if this fails: the screen then says so, and must not offer to refund again.
        setSaved(refund);
        for (const line of preview.lines) {
          await adjustStock({ productId: sale.lines[line.lineIndex]!.productId, delta: -line.qty, reason: 'damage', note: t('refunds.writeOffNote', { receiptNo: refund.receiptNo }) });
        }
      }
      await navigate({ to: '/refunds/$refundId', params: { refundId: refund.id } });
    });
  }

  return (
    <section class="screen refund-screen">
      <Link to="/sales/$saleId" params={{ saleId: sale.id }} className="button button-ghost back-link" data-testid="refund-back">
        <Icon name="back" class="flip-rtl" />
        {t('refunds.backToReceipt')} <bdi dir="ltr">{sale.receiptNo}</bdi>
      </Link>
      <h1>{t('refunds.title')}</h1>
      <p class="muted">
        {t('refunds.ofSale', { total: fmt.money(sale.totalFen), when: fmt.dateTime(sale.createdAt) })}
      </p>
      {saved && action.message ? (
        <div class="notice notice-warning" role="status" data-testid="refund-writeoff-failed">
          <p>{t('refunds.writeOffFailed')}</p>
          <ErrorText code={action.message?.key} params={action.message?.params} />
          <Link to="/refunds/$refundId" params={{ refundId: saved.id }} className="button" data-testid="refund-saved-receipt">
            <Icon name="receipt" />
            {t('refunds.savedReceipt', { receiptNo: saved.receiptNo })}
          </Link>
        </div>
      ) : nothingLeft ? (
        <p class="notice" data-testid="refund-nothing-left" role="status">
          {refunds.totals?.voided ? t('refunds.voidedAlready') : t('refunds.nothingLeft')}
        </p>
      ) : (
        <form class="refund-form" onSubmit={confirm} noValidate data-testid="refund-form">
          <fieldset class="card">
            <legend>{t('refunds.linesLegend')}</legend>
            <button type="button" class="chip refund-all" data-testid="refund-all" onClick={takeAll}>
              {t('refunds.everything')}
            </button>
            <ul class="refund-lines">
              {items.map((item) => (
                <RefundLineRow
                  key={item.lineIndex}
                  item={item}
                  text={typed.get(item.lineIndex) ?? ''}
                  amountFen={preview.lines.find((l) => l.lineIndex === item.lineIndex)?.amountFen ?? null}
                  problem={preview.problems.get(item.lineIndex)}
                  onText={(text) => setLine(item.lineIndex, text)}
                />
              ))}
            </ul>
            {tried && preview.lines.length === 0 && preview.problems.size === 0 && <ErrorText code="refunds.pickSomething" />}
          </fieldset>

          <div class="card form">
            <div class="field" role="group" aria-labelledby="refund-goods-label">
              <span id="refund-goods-label">{t('refunds.goodsLegend')}</span>
              <Segmented<GoodsGo>
                labelledBy="refund-goods-label"
                value={goods}
                onChange={setGoods}
                segments={[
                  { value: 'shelf', label: t('refunds.goodsShelf'), testId: 'refund-goods-shelf' },
                  { value: 'writeOff', label: t('refunds.goodsWriteOff'), testId: 'refund-goods-writeoff' },
                ]}
              />
              <small>{goods === 'shelf' ? t('refunds.goodsShelfHint') : t('refunds.goodsWriteOffHint')}</small>
              {goods === 'writeOff' && !mayWriteOff && <ErrorText code="refunds.writeOffAdmin" />}
            </div>
            <label class="field">
              <span>{t('refunds.reason')}</span>
              <textarea rows={2} maxLength={200} data-testid="refund-reason" value={reason} aria-invalid={tried && reasonMissing} onInput={(e) => setReason(e.currentTarget.value)} />
              {tried && reasonMissing && <ErrorText code="refunds.reasonNeeded" />}
            </label>
          </div>

          <div class="card refund-summary" aria-live="polite">
            <h2>{t('refunds.summary')}</h2>
            {preview.parts === null ? (
              <ErrorText code="refusal.over_refund" />
            ) : (
              <RefundParts totalFen={preview.totalFen} parts={preview.parts} testId="refund-preview" />
            )}
            {preview.parts?.some((p) => p.means === 'credit') && <p class="muted">{t('refunds.creditHint')}</p>}
          </div>

          <ErrorText code={action.message?.key} params={action.message?.params} />
          <button type="submit" class="button button-primary button-large" disabled={action.busy || (tried && !ready)} data-testid="refund-confirm">
            <Icon name="check" />
            {preview.totalFen > 0 ? t('refunds.confirm', { amount: fmt.money(preview.totalFen) }) : t('refunds.confirmEmpty')}
          </button>
        </form>
      )}
    </section>
  );
}
