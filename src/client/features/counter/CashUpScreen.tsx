import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { businessDayOf, expectedCash, type CashUp } from '../../../shared/domain/counter';
import { parseYuan } from '../../../shared/domain/money';
import { useSession } from '../../auth/session';
import { cashUpTill } from '../../data/commands/counter-money';
import { toAppError } from '../../data/errors';
import { useTill } from '../../data/queries/till';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { messageOf, type Message } from '../../ui/useSaveOnce';
import { MoneyInput } from './MoneyInput';
import { CashUpSlip } from '../receipts/CashUpSlip';
import { PrintButton } from '../receipts/PrintButton';
import { TillReceipts } from '../receipts/TillReceipts';
import './counter.css';

const yuan = (text: string) => {
  const fen = parseYuan(text);
  return fen !== null && fen >= 0 ? fen : null;
};

/**
 * The day's cash-up (Z report) of the signed-in person's till: the float,
 * plus the cash their sales and repayments took, less the cash their refunds
 * gave back, against the cash counted. Recorded once, with a note when they
 * differ.
 */
export function CashUpScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const now = useNow(60_000);
  const day = businessDayOf(new Date(now).toISOString());
  const till = useTill(session?.staff.id ?? '', day);
  const [float, setFloat] = useState('');
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  if (!session || till === undefined) return <Loading />;
  // The business day's noon in China time, so the date shown is that day wherever the tablet's clock zone is near.
  const dayShown = fmt.date(`${day}T04:00:00.000Z`);
  const cashIn = till?.cashInFen ?? 0;
  const cashOut = till?.cashOutFen ?? 0;
  const floatFen = yuan(float);
  const countedFen = yuan(counted);
  const expected = floatFen === null ? null : expectedCash({ cashInFen: cashIn, cashOutFen: cashOut }, floatFen);
  const difference = expected === null || countedFen === null ? null : countedFen - expected;
  const noteNeeded = difference !== null && difference !== 0 && note.trim() === '';

  async function confirm(event: Event): Promise<void> {
    event.preventDefault();
    setTried(true);
    if (floatFen === null || countedFen === null || noteNeeded || saving) return;
    setSaving(true);
    setMessage(null);
    try {
      await cashUpTill({ day, openingFloatFen: floatFen, countedFen, note: note.trim() });
    } catch (e) {
      setMessage(messageOf(toAppError(e)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="screen">
      <h1>{t('cashUp.title')}</h1>
      <p class="muted">{t('cashUp.who', { name: session.staff.name, day: dayShown })}</p>
      <div class="card">
        <dl class="cashup-figures" data-testid="cashup-till">
          <dt>{t('cashUp.cashIn')}</dt>
          <dd data-testid="cashup-in">{fmt.money(cashIn)}</dd>
          <dt>{t('cashUp.cashOut')}</dt>
          <dd data-testid="cashup-out">{fmt.money(cashOut)}</dd>
        </dl>
      </div>
      {till?.cashUp ? (
        <CountedCard cashUp={till.cashUp} />
      ) : (
        <form class="card form cashup-form" onSubmit={confirm} noValidate data-testid="cashup-form">
          <label class="field">
            <span>{t('cashUp.float')}</span>
            <MoneyInput testId="cashup-float" value={float} invalid={tried && floatFen === null} onInput={setFloat} />
            {tried && floatFen === null && <ErrorText code="cashUp.amountInvalid" />}
          </label>
          <label class="field">
            <span>{t('cashUp.counted')}</span>
            <MoneyInput testId="cashup-counted" value={counted} invalid={tried && countedFen === null} onInput={setCounted} />
            {tried && countedFen === null && <ErrorText code="cashUp.amountInvalid" />}
          </label>
          <dl class="cashup-figures">
            <dt>{t('cashUp.expected')}</dt>
            <dd data-testid="cashup-expected">{expected === null ? '—' : fmt.money(expected)}</dd>
            <dt>{t('cashUp.difference')}</dt>
            <dd data-testid="cashup-difference" class={difference !== null && difference !== 0 ? 'cashup-difference amount-warning' : 'cashup-difference'}>
              {difference === null ? '—' : `${difference > 0 ? '+' : difference < 0 ? '−' : ''}${fmt.money(Math.abs(difference))}`}
            </dd>
          </dl>
          <label class="field">
            <span>{t('cashUp.note')}</span>
            <textarea rows={2} data-testid="cashup-note" value={note} aria-invalid={tried && noteNeeded} onInput={(e) => setNote(e.currentTarget.value)} />
            {tried && noteNeeded && <ErrorText code="cashUp.noteNeeded" />}
          </label>
          <ErrorText code={message?.key} params={message?.params} />
          <button type="submit" class="button button-primary button-large" disabled={saving} data-testid="cashup-confirm">
            <Icon name="check" />
            {t('cashUp.confirm')}
          </button>
        </form>
      )}
      <CashUpSlip till={till} staffName={session.staff.name} dayShown={dayShown} />
      <div class="actions">
        <PrintButton testId="cashup-print" primary={false} />
      </div>
      <TillReceipts staffId={session.staff.id} day={day} />
    </section>
  );
}

function CountedCard({ cashUp }: { cashUp: CashUp }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div class="card" data-testid="cashup-done" role="status">
      <h2>
        <Icon name="check" /> {t('cashUp.done', { time: fmt.time(cashUp.at) })}
      </h2>
      <dl class="cashup-figures">
        <dt>{t('cashUp.float')}</dt>
        <dd>{fmt.money(cashUp.openingFloatFen)}</dd>
        <dt>{t('cashUp.expected')}</dt>
        <dd>{fmt.money(cashUp.expectedFen)}</dd>
        <dt>{t('cashUp.counted')}</dt>
        <dd>{fmt.money(cashUp.countedFen)}</dd>
        <dt>{t('cashUp.difference')}</dt>
        <dd data-testid="cashup-done-difference" class={cashUp.differenceFen !== 0 ? 'amount-warning' : undefined}>
          {`${cashUp.differenceFen > 0 ? '+' : cashUp.differenceFen < 0 ? '−' : ''}${fmt.money(Math.abs(cashUp.differenceFen))}`}
        </dd>
      </dl>
      {cashUp.note && <p class="muted">{cashUp.note}</p>}
    </div>
  );
}
