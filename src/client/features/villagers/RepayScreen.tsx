import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { fenToYuanText, parseYuan } from '../../../shared/domain/money';
import type { Repayment } from '../../../shared/domain/counter';
import { repayCredit } from '../../data/commands/counter-money';
import { toAppError } from '../../data/errors';
import { useCreditLedger } from '../../data/queries/credit';
import { useVillager } from '../../data/queries/villagers';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { messageOf, type Message } from '../../ui/useSaveOnce';
import { MoneyInput } from '../counter/MoneyInput';
import { checkPayment, emptyPayment, PaymentPanel } from '../counter/PaymentPanel';
import '../counter/counter.css';

/** A villager pays back what they owe: all of it by default, or the part they bring. */
export function RepayScreen({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const found = useVillager(customerId);
  const ledger = useCreditLedger(customerId);
  const [amount, setAmount] = useState<string | null>(null);
  const [payment, setPayment] = useState(emptyPayment);
  const [message, setMessage] = useState<Message | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<Repayment | null>(null);
  if (found === undefined || ledger === undefined) return <Loading />;
  if (found === null) return <p class="empty">{t('villagers.notFound')}</p>;
  const villager = found.customer;
  const amountText = amount ?? fenToYuanText(Math.max(0, ledger.balanceFen));
  const amountFen = parseYuan(amountText);
  const amountOk = amountFen !== null && amountFen > 0;
  const check = amountOk ? checkPayment(payment, amountFen) : ({ ok: false, message: null } as const);

  async function confirm(event: Event): Promise<void> {
    event.preventDefault();
    if (!amountOk || !check.ok || saving) return;
    setSaving(true);
    setMessage(null);
    try {
      setDone(await repayCredit({ customerId: villager.id, amountFen: amountFen!, payments: check.payments, tenderedFen: check.tenderedFen }));
    } catch (e) {
      setMessage(messageOf(toAppError(e)));
      setSaving(false);
    }
  }

  if (done) {
    return (
      <section class="screen">
        <div class="card repay-done" data-testid="repay-done" role="status">
          <h1>
            <Icon name="check" /> {t('credit.repaid', { amount: fmt.money(done.amountFen), receiptNo: done.receiptNo })}
          </h1>
          {done.changeFen > 0 && <p class="change">{t('payment.change')}: <strong>{fmt.money(done.changeFen)}</strong></p>}
          <p class="credit-balance">
            <span class="muted">{ledger.balanceFen >= 0 ? t('credit.owes') : t('credit.inCredit')}</span>
            <strong class="amount">{fmt.money(Math.abs(ledger.balanceFen))}</strong>
          </p>
          <Link to="/repayments/$repaymentId" params={{ repaymentId: done.id }} className="button button-primary button-large" data-testid="repay-receipt">
            <Icon name="receipt" />
            {t('receipts.open')}
          </Link>
          <button type="button" class="button button-large" data-testid="repay-back" onClick={() => void navigate({ to: '/villagers/$customerId', params: { customerId: villager.id } })}>
            <bdi>{villager.name}</bdi>
          </button>
        </div>
      </section>
    );
  }

  return (
    <section class="screen">
      <Link to="/villagers/$customerId" params={{ customerId: villager.id }} className="button button-ghost back-link">
        <Icon name="back" class="flip-rtl" />
        <bdi>{villager.name}</bdi>
      </Link>
      <h1>{t('credit.repayTitle', { name: villager.name })}</h1>
      <form class="card form repay-form" onSubmit={confirm} noValidate data-testid="repay-form">
        <p class="credit-balance">
          <span class="muted">{t('credit.owes')}</span>
          <strong class="amount">{fmt.money(Math.max(0, ledger.balanceFen))}</strong>
        </p>
        <label class="field">
          <span>{t('credit.repayAmount')}</span>
          <MoneyInput testId="repay-amount" value={amountText} invalid={!amountOk} onInput={setAmount} />
          {!amountOk && <ErrorText code="credit.amountInvalid" />}
        </label>
        {amountOk && <PaymentPanel dueFen={amountFen!} draft={payment} onDraft={setPayment} />}
        {amountOk && amountFen! > ledger.balanceFen && <p class="notice">{t('credit.moreThanOwed', { extra: fmt.money(amountFen! - Math.max(0, ledger.balanceFen)) })}</p>}
        <ErrorText code={message?.key} params={message?.params} />
        <button type="submit" class="button button-primary button-large" disabled={!check.ok || saving} data-testid="repay-confirm">
          <Icon name="check" />
          {amountOk ? t('credit.repayConfirm', { amount: fmt.money(amountFen!) }) : t('credit.repay')}
        </button>
      </form>
    </section>
  );
}
