import { useTranslation } from '../../i18n/use-translation';
import type { OrderStatus } from '../../../shared/domain/order-status';

/** An order's status as a coloured word (the word carries it; colour helps). */
export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <span class={`badge badge-order badge-order-${status}`} data-testid="order-status" data-status={status}>
      {t(`orders.status.${status}`)}
    </span>
  );
}
