import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { useMayRun } from '../../auth/permissions';
import { useCreditLedger } from '../../data/queries/credit';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';

/** Entries shown on the villager's page; the statement lists them all. */
const RECENT_ENTRIES = 5;

/**
 * A villager's credit (赊账): what they owe against the centre's limit, the
 * latest moves of the ledger, and the way to take a repayment.
 */
export function CreditCard({ customerId, deleted }: { customerId: string; deleted: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ledger = useCreditLedger(customerId);
  const mayRepay = useMayRun('credit.repay') && !deleted;
  if (!ledger) return null;
  if (ledger.entries.length === 0) {
    return (
      <div class="card credit-card" data-testid="villager-credit">
        <h2>{t('credit.title')}</h2>
        <p class="muted">{t('credit.none')}</p>
      </div>
    );
  }
  const owes = ledger.balanceFen;
  const over = owes > ledger.limitFen;
  return (
    <div class="card credit-card" data-testid="villager-credit">
      <div class="row-between">
        <h2>{t('credit.title')}</h2>
        <Link to="/villagers/$customerId/statement" params={{ customerId }} className="button" data-testid="credit-statement">
          <Icon name="clipboard" />
          {t('receipts.statement.link')}
        </Link>
        {mayRepay && owes > 0 && (
          <Link to="/villagers/$customerId/repay" params={{ customerId }} className="button button-primary" data-testid="credit-repay">
            <Icon name="receipt" />
            {t('credit.repay')}
          </Link>
        )}
      </div>
      <p class="credit-balance">
        <span class="muted">{owes >= 0 ? t('credit.owes') : t('credit.inCredit')}</span>
        <strong class={over ? 'amount amount-warning' : 'amount'} data-testid="credit-balance">
          {fmt.money(Math.abs(owes))}
        </strong>
        <span class="muted">{t('credit.limit', { limit: fmt.money(ledger.limitFen) })}</span>
      </p>
      {over && (
        <p class="notice notice-warning" data-testid="credit-over-limit">
          <Icon name="warning" size={18} /> {t('credit.overLimit', { over: fmt.money(owes - ledger.limitFen) })}
        </p>
      )}
      <ul class="list credit-entries">
        {ledger.entries.slice(0, RECENT_ENTRIES).map((e) => (
          <li key={e.id} class="list-row" data-testid="credit-entry">
            <span class="list-row-main">
              <span>{t(`credit.source.${e.source}`)}</span>
              <span class="muted">{fmt.dateTime(e.createdAt)}</span>
            </span>
            <strong class="amount" dir="ltr">
              {e.deltaFen > 0 ? '+' : '−'}
              {fmt.money(Math.abs(e.deltaFen))}
            </strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
