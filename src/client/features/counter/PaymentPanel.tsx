import { useTranslation } from '../../i18n/use-translation';
import { fenToYuanText, parseYuan, type Fen } from '../../../shared/domain/money';
import { isPaymentReference, normalisePaymentReference, quickCashAmounts, type PaymentPart } from '../../../shared/domain/payments';
import { useFormat } from '../../ui/format';
import { Segmented } from '../../ui/Segmented';
import { MoneyInput } from './MoneyInput';
import { ReferenceField } from './ReferenceField';

/** The means a single payment at the counter can take (credit is a sale's, never a repayment's). */
export type CounterMeans = 'cash' | 'wechat' | 'alipay';
export const COUNTER_MEANS: readonly CounterMeans[] = ['cash', 'wechat', 'alipay'];

export interface PaymentDraft {
  means: CounterMeans;
  /** Cash handed over, as typed. */
  tendered: string;
  /** A mobile payment's reference, as typed or scanned. */
  reference: string;
}

export const emptyPayment = (): PaymentDraft => ({ means: 'cash', tendered: '', reference: '' });

export type PaymentCheck =
  | { ok: true; payments: PaymentPart[]; tenderedFen: Fen; changeFen: Fen }
  | { ok: false; message: 'payment.tenderInvalid' | 'payment.tenderShort' | 'payment.referenceInvalid' | null };

/** What the draft pays for `dueFen`, or why it cannot yet (null: nothing typed). */
export function checkPayment(draft: PaymentDraft, dueFen: Fen): PaymentCheck {
  if (draft.means === 'cash') {
    if (draft.tendered.trim() === '') return { ok: false, message: null };
    const tendered = parseYuan(draft.tendered);
    if (tendered === null || tendered < 0) return { ok: false, message: 'payment.tenderInvalid' };
    if (tendered < dueFen) return { ok: false, message: 'payment.tenderShort' };
    return { ok: true, payments: [{ means: 'cash', amountFen: dueFen }], tenderedFen: tendered, changeFen: tendered - dueFen };
  }
  const reference = normalisePaymentReference(draft.reference);
  if (reference === '') return { ok: false, message: null };
  if (!isPaymentReference(draft.means, reference)) return { ok: false, message: 'payment.referenceInvalid' };
  return { ok: true, payments: [{ means: draft.means, amountFen: dueFen, reference }], tenderedFen: 0, changeFen: 0 };
}

/**
 * How a villager pays an amount: cash (typed, or a quick button at the next
 * ¥10, ¥20, ¥50, ¥100 above it, with the change shown), or WeChat Pay or
 * Alipay with the reference from the villager's screen.
 */
export function PaymentPanel({ dueFen, draft, onDraft }: { dueFen: Fen; draft: PaymentDraft; onDraft(draft: PaymentDraft): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const check = checkPayment(draft, dueFen);
  return (
    <div class="payment-panel" data-testid="payment-panel">
      <Segmented
        label={t('payment.means')}
        value={draft.means}
        onChange={(means) => onDraft({ ...draft, means })}
        segments={COUNTER_MEANS.map((means) => ({ value: means, testId: `payment-means-${means}`, label: t(`payment.meansName.${means}`) }))}
      />
      {draft.means === 'cash' ? (
        <div class="tender-row">
          <label class="field">
            <span>{t('payment.tendered')}</span>
            <MoneyInput
              testId="payment-tendered"
              value={draft.tendered}
              placeholder={fenToYuanText(dueFen)}
              invalid={!check.ok && check.message !== null}
              onInput={(tendered) => onDraft({ ...draft, tendered })}
            />
          </label>
          <div class="quick-buttons">
            <button type="button" class="chip" data-testid="payment-exact" onClick={() => onDraft({ ...draft, tendered: fenToYuanText(dueFen) })}>
              {t('payment.exact')}
            </button>
            {quickCashAmounts(dueFen).map((fen) => (
              <button type="button" class="chip" key={fen} data-testid={`payment-quick-${fen / 100}`} onClick={() => onDraft({ ...draft, tendered: fenToYuanText(fen) })}>
                {fmt.money(fen)}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <ReferenceField
          means={draft.means}
          label={t('payment.reference')}
          testId="payment-reference"
          scanTestId="scan-payment"
          value={draft.reference}
          invalid={!check.ok && check.message !== null}
          onInput={(reference) => onDraft({ ...draft, reference })}
        />
      )}
      {!check.ok && check.message !== null && (
        <p class="error-text" role="alert" data-testid="payment-error">
          {t(check.message, { missing: fmt.money(dueFen - (parseYuan(draft.tendered) ?? 0)) })}
        </p>
      )}
      {check.ok && draft.means === 'cash' && (
        <p class="change" data-testid="payment-change">
          {t('payment.change')}: <strong>{fmt.money(check.changeFen)}</strong>
        </p>
      )}
    </div>
  );
}
