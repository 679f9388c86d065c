import { useTranslation } from '../../i18n/use-translation';
import { addQuantities, parseQuantityText } from '../../../shared/domain/quantity';
import type { Fen } from '../../../shared/domain/money';
import { unitNamesOf } from '../../../shared/domain/units';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import type { LineLeft, LineProblem } from './refund-draft';

/**
 * One line of the sale on the refund screen: what was sold and is left, and
 * how many come back, by the − and + buttons or typed (part of a unit for
 * weighed goods).
 */
export function RefundLineRow({
  item,
  text,
  amountFen,
  problem,
  onText,
}: {
  item: LineLeft;
  text: string;
  amountFen: Fen | null;
  problem: LineProblem | undefined;
  onText(text: string): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const name = fmt.name(item.line.names);
  const unit = fmt.name(unitNamesOf(item.line));
  const qty = parseQuantityText(text, item.decimals ? 3 : 0) ?? 0;
  const step = (by: number) => onText(String(Math.min(item.left, Math.max(0, addQuantities(qty, by)))));
  const inputId = `refund-qty-${item.lineIndex}`;
  const errorId = `refund-qty-error-${item.lineIndex}`;
  const done = item.left <= 0;

  return (
    <li class="refund-line" data-testid="refund-line" data-line={item.lineIndex}>
      <div class="refund-line-name">
        <label for={inputId}>
          <strong>{name}</strong>
        </label>
        <span class="muted">
          {t('refunds.sold', { qty: fmt.number(item.line.qty), unit, price: fmt.money(item.line.unitPriceFen) })}
          {item.refunded > 0 && <> · {t('refunds.alreadyBack', { qty: fmt.number(item.refunded) })}</>}
        </span>
      </div>
      {done ? (
        <span class="badge badge-out refund-line-done" data-testid="refund-line-done">
          {t('refunds.lineDone')}
        </span>
      ) : (
        <div class="stepper" dir="ltr">
          <button type="button" class="icon-button" data-testid="refund-minus" aria-label={t('refunds.less', { name })} disabled={qty <= 0} onClick={() => step(-1)}>
            <Icon name="minus" />
          </button>
          <input
            id={inputId}
            class="refund-qty"
            data-testid="refund-qty"
            inputMode={item.decimals ? 'decimal' : 'numeric'}
            autoComplete="off"
            value={text}
            placeholder="0"
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? errorId : undefined}
            onInput={(e) => onText(e.currentTarget.value)}
          />
          <button type="button" class="icon-button" data-testid="refund-plus" aria-label={t('refunds.more', { name })} disabled={qty >= item.left} onClick={() => step(1)}>
            <Icon name="plus" />
          </button>
        </div>
      )}
      <span class="amount refund-line-amount" data-testid="refund-line-amount">
        {amountFen !== null && amountFen > 0 ? fmt.money(amountFen) : ''}
      </span>
      {problem && (
        <p class="error-text refund-line-error" id={errorId} role="alert" data-testid="refund-line-error">
          {problem === 'overRefund'
            ? t('refunds.overRefund', { left: fmt.number(item.left), unit })
            : t(item.decimals ? 'refunds.qtyInvalidWeight' : 'refunds.qtyInvalid')}
        </p>
      )}
    </li>
  );
}
