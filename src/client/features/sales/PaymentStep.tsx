import { useTranslation } from '../../i18n/use-translation';
import { fenToYuanText, parseYuan, type Fen } from '../../../shared/domain/money';
import { PAYMENT_MEANS, type PaymentMeans } from '../../../shared/domain/payments';
import type { CreditLedger } from '../../data/queries/credit';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { Segmented } from '../../ui/Segmented';
import { MoneyInput } from '../counter/MoneyInput';
import { ReferenceField } from '../counter/ReferenceField';
import { CashTender } from './CashTender';
import type { CreditApproval } from './credit-approval';
import { CreditVillager } from './CreditVillager';
import { PAY_MODES, type SalePaymentCheck, type SalePaymentDraft } from './sale-payment';

/**
 * How the villager pays the total: cash, WeChat Pay, Alipay, on credit, or a
 * mix of these with the part of each, what is still due, and change for the
 * cash part alone. On a phone with the cart closed only the cash row (or a
 * line saying how it is paid) shows; the rest opens with the cart.
 */
export function PaymentStep({ dueFen, draft, check, ledger, selfIsAdmin, approval, onDraft, onApproval, onOpen }: {
  dueFen: Fen;
  draft: SalePaymentDraft;
  check: SalePaymentCheck;
  /** The ledger of the villager a credit part goes to. */
  ledger: CreditLedger | undefined;
  selfIsAdmin: boolean;
  approval: CreditApproval | null;
  onDraft(draft: SalePaymentDraft): void;
  onApproval(approval: CreditApproval): void;
  /** Opens the cart sheet on a phone, where every way to pay shows. */
  onOpen(): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const problem = !check.ok && check.message !== null;
  const refInvalid = !check.ok && check.message?.key === 'payment.referenceInvalid';
  const cashInvalid = !check.ok && (check.message?.key === 'sell.tenderInvalid' || check.message?.key === 'sell.tenderShort');
  const mixed = draft.mode === 'mixed';
  const partFen = (means: PaymentMeans): Fen => {
    if (!mixed) return draft.mode === means ? dueFen : 0;
    const fen = parseYuan(draft.amounts[means]);
    return fen !== null && fen > 0 ? fen : 0;
  };
  const setAmount = (means: PaymentMeans, text: string) => onDraft({ ...draft, amounts: { ...draft.amounts, [means]: text } });
  const remaining = check.remainingFen;

  const detailsOf = (means: PaymentMeans) => {
    if (means === 'cash') {
      return <CashTender cashFen={partFen('cash')} text={draft.tendered} invalid={cashInvalid} onText={(tendered) => onDraft({ ...draft, tendered })} />;
    }
    if (means === 'credit') {
      return (
        <CreditVillager
          customerId={draft.customerId}
          ledger={ledger}
          creditFen={partFen('credit')}
          selfIsAdmin={selfIsAdmin}
          approval={approval}
          onCustomer={(customerId) => onDraft({ ...draft, customerId })}
          onApproval={onApproval}
        />
      );
    }
    return (
      <div class="pay-reference">
        <ReferenceField
          means={means}
          label={`${t('payment.reference')} · ${t(`pay.means.${means}`)}`}
          testId={`pay-reference-${means}`}
          scanTestId={`scan-payment-${means}`}
          value={draft.references[means]}
          invalid={refInvalid}
          onInput={(reference) => onDraft({ ...draft, references: { ...draft.references, [means]: reference } })}
        />
      </div>
    );
  };

  return (
    <div class={`pay-step pay-mode-${draft.mode}`} data-testid="pay-step">
      <div class="pay-means">
        <Segmented
          label={t('payment.means')}
          value={draft.mode}
          onChange={(mode) => onDraft({ ...draft, mode })}
          segments={PAY_MODES.map((mode) => ({ value: mode, testId: `pay-mode-${mode}`, label: t(`pay.means.${mode}`) }))}
        />
      </div>
      {draft.mode !== 'cash' && (
        <button type="button" class="pay-summary" data-testid="pay-summary" onClick={onOpen}>
          <span>{t('payment.means')}</span>
          <strong>{t(`pay.means.${draft.mode}`)}</strong>
          <Icon name="back" class="pay-summary-chevron" />
        </button>
      )}
      {draft.mode === 'cash' && (
        <button type="button" class="pay-other" data-testid="pay-other" onClick={onOpen}>
          {t('pay.otherWays')}
        </button>
      )}
      {!mixed ? (
        <div class={draft.mode === 'cash' ? 'pay-cash' : 'pay-detail'}>{detailsOf(draft.mode as PaymentMeans)}</div>
      ) : (
        <div class="pay-detail pay-parts">
          {PAYMENT_MEANS.map((means) => (
            <div class="pay-part" key={means} data-testid={`pay-part-${means}`}>
              <div class="pay-part-row">
                <label class="pay-part-field">
                  <span class="pay-part-name">{t(`pay.means.${means}`)}</span>
                  <MoneyInput
                    testId={`pay-amount-${means}`}
                    value={draft.amounts[means]}
                    invalid={!check.ok && check.message?.key === 'pay.amountInvalid'}
                    onInput={(text) => setAmount(means, text)}
                  />
                </label>
                {remaining > 0 && (
                  <button
                    type="button"
                    class="chip"
                    data-testid={`pay-rest-${means}`}
                    onClick={() => setAmount(means, fenToYuanText(partFen(means) + remaining))}
                  >
                    {t('pay.theRest', { amount: fmt.money(remaining) })}
                  </button>
                )}
              </div>
              {partFen(means) > 0 && detailsOf(means)}
            </div>
          ))}
          <p class={remaining === 0 ? 'pay-remaining' : 'pay-remaining amount-warning'} data-testid="pay-remaining">
            {t('pay.remaining')}: <strong>{fmt.money(Math.max(0, remaining))}</strong>
          </p>
        </div>
      )}
      {problem && (
        <p class="error-text" role="alert" data-testid={cashInvalid ? 'tender-error' : 'pay-error'}>
          {t(check.message!.key, Object.fromEntries(Object.entries(check.message!.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? fmt.money(v) : v])))}
        </p>
      )}
      {check.ok && partFen('cash') > 0 && draft.tendered.trim() !== '' && (
        <p class="change" data-testid="change-due">
          {t('sell.change')}: <strong>{fmt.money(check.changeFen)}</strong>
        </p>
      )}
    </div>
  );
}
