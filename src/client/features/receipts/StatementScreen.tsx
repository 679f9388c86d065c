import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import type { CreditEntry } from '../../../shared/domain/counter';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { PrintButton } from './PrintButton';
import { useStatement, type StatementRow } from './statement';
import { ltr, signedMoney } from './receipt-words';
import { useCentreHeading } from './useCentreHeading';
import './receipts.css';

/** Where a ledger entry's own receipt is: the sale, the repayment or the refund that made it. */
function EntryLink({ entry, label }: { entry: CreditEntry; label: string }) {
  if (entry.source === 'sale') return <Link to="/sales/$saleId" params={{ saleId: entry.refId }}>{label}</Link>;
  if (entry.source === 'repayment') return <Link to="/repayments/$repaymentId" params={{ repaymentId: entry.refId }}>{label}</Link>;
  return <Link to="/refunds/$refundId" params={{ refundId: entry.refId }}>{label}</Link>;
}

function Row({ row }: { row: StatementRow }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = t(`receipts.statement.source.${row.entry.source}`);
  return (
    <tr data-testid="statement-row" data-source={row.entry.source}>
      <td>
        <EntryLink entry={row.entry} label={label} />
        {row.receiptNo && (
          <>
            <br />
            <span class="muted">
              {t('receipts.number')}: 
              <bdi dir="ltr">{row.receiptNo}</bdi>
            </span>
          </>
        )}
        <br />
        <span class="muted">{fmt.dateTime(row.entry.createdAt)}</span>
      </td>
      <td class="amount" dir="ltr">
        {signedMoney(row.entry.deltaFen, fmt)}
      </td>
      <td class="amount" data-testid="statement-balance">
        {fmt.money(row.balanceFen)}
      </td>
    </tr>
  );
}

/**
 * A villager's credit statement: every sale on credit, repayment and refund
 * on credit, oldest first with the balance after each, against the centre's
 * limit. Printed on the counter's 58 mm roll for the villager to keep.
 */
export function StatementScreen({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(60_000);
  const centre = useCentreHeading();
  const statement = useStatement(customerId);
  if (statement === undefined) return <Loading />;
  if (statement === null) return <p class="empty">{t('villagers.notFound')}</p>;
  const owes = statement.balanceFen;
  return (
    <section class="screen receipt-screen statement-screen">
      <Link to="/villagers/$customerId" params={{ customerId: statement.villagerId }} className="button button-ghost back-link">
        <Icon name="back" class="flip-rtl" />
        <bdi>{statement.villagerName}</bdi>
      </Link>
      <article class="card print-area" data-testid="statement">
        <header class="receipt-head">
          <p class="receipt-centre">
            <strong>{centre.name}</strong>
          </p>
          {centre.phone && <p class="muted">{t('receipts.phone', { phone: ltr(centre.phone) })}</p>}
          <h1>{t('receipts.statement.title')}</h1>
          <p>
            <strong>
              <bdi data-testid="statement-villager">{statement.villagerName}</bdi>
            </strong>
          </p>
          <p class="muted">{t('receipts.statement.printedAt', { at: fmt.dateTime(new Date(now).toISOString()) })}</p>
        </header>
        <dl class="statement-figures">
          <dt>{owes >= 0 ? t('receipts.statement.owes') : t('receipts.statement.inCredit')}</dt>
          <dd data-testid="statement-owes">
            <strong>{fmt.money(Math.abs(owes))}</strong>
          </dd>
          <dt>{t('receipts.statement.limit')}</dt>
          <dd data-testid="statement-limit">{fmt.money(statement.limitFen)}</dd>
        </dl>
        {statement.rows.length === 0 ? (
          <p class="muted">{t('receipts.statement.none')}</p>
        ) : (
          <table class="statement-table">
            <thead>
              <tr>
                <th scope="col">{t('receipts.statement.entry')}</th>
                <th scope="col" class="amount">
                  {t('receipts.statement.amount')}
                </th>
                <th scope="col" class="amount">
                  {t('receipts.statement.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {statement.rows.map((row) => (
                <Row key={row.entry.id} row={row} />
              ))}
            </tbody>
          </table>
        )}
      </article>
      <div class="actions">
        <PrintButton testId="statement-print" />
      </div>
    </section>
  );
}
