import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from '../../i18n/use-translation';
import { db } from '../../data/db';
import { ledgerIds } from '../../data/queries/credit';
import { useFormat } from '../../ui/format';
import './receipts.css';

/** Repayments shown on the villager's page; the statement lists them all. */
const SHOWN = 5;

/** A villager's latest repayments (theirs and those of records merged into them), each a tap from its receipt. */
export function VillagerRepayments({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const repayments = useLiveQuery(async () => {
    const rows = await db.repayments.where('customerId').anyOf(await ledgerIds(db, customerId)).toArray();
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).slice(0, SHOWN);
  }, [customerId]);
  if (!repayments || repayments.length === 0) return null;
  return (
    <div class="card till-receipts" data-testid="villager-repayments">
      <h2>{t('receipts.repaymentsTitle')}</h2>
      <ul class="list">
        {repayments.map((r) => (
          <li key={r.id}>
            <Link to="/repayments/$repaymentId" params={{ repaymentId: r.id }} className="list-row" data-testid="villager-repayment">
              <span class="list-row-main">
                <strong>
                  <bdi dir="ltr">{r.receiptNo}</bdi>
                </strong>
                <span class="muted">{fmt.dateTime(r.createdAt)}</span>
              </span>
              <strong class="amount">{fmt.money(r.amountFen)}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
