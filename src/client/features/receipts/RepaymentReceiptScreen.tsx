import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { resolveCustomerRow } from '../../data/queries/villagers';
import { Icon } from '../../ui/Icon';
import { ReceiptView } from './ReceiptView';

/** The slip for a villager paying back credit, with the way back to their page. */
export function RepaymentReceiptScreen({ repaymentId }: { repaymentId: string }) {
  const villager = useLiveQuery(async () => {
    const repayment = await db.repayments.get(repaymentId);
    return repayment ? ((await resolveCustomerRow(db, repayment.customerId)) ?? null) : null;
  }, [repaymentId]);
  return (
    <ReceiptView kind="repayment" id={repaymentId}>
      {villager && (
        <div class="actions">
          <Link to="/villagers/$customerId" params={{ customerId: villager.id }} className="button button-large" data-testid="repayment-villager">
            <Icon name="back" class="flip-rtl" />
            <bdi>{villager.name}</bdi>
          </Link>
        </div>
      )}
    </ReceiptView>
  );
}
