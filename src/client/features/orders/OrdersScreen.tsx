import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-status';
import { useState } from 'preact/hooks';
import { ORDERS_PAGE, useOrderCounts, useOrdersIn, type OrderView } from '../../data/queries/orders';
import type { OrdersView } from '../../routes/orders-search';
import { Icon } from '../../ui/Icon';
import { Joined } from '../../ui/Joined';
import { Loading } from '../../ui/Loading';
import { ShowMore } from '../../ui/ShowMore';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { useCentreSettings } from '../../data/queries/settings';
import { flagOf, type LateAfter, type OrderFlag } from './order-flags';
import { OlderHistoryNote } from './OlderHistoryNote';
import { StatusBadge } from './StatusBadge';

/** Statuses where an order can be late: what the "needs a look" chip searches. */
const FLAGGABLE: readonly OrderStatus[] = ['placed', 'paid', 'arrived'];
const DEFAULT_VIEW: OrdersView = 'placed';
/** Statuses whose older orders may be on the server only. */
const CLOSED: readonly OrdersView[] = ['collected', 'cancelled', 'returned'];

function OrderRow({ view, flag, late }: { view: OrderView; flag: OrderFlag | null; late: LateAfter }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { order, customer, platform } = view;
  const count = order.lines.reduce((sum, l) => sum + l.qty, 0);
  return (
    <li>
      <Link
        to="/orders/$orderId"
        params={{ orderId: order.id }}
        className={flag ? 'list-row order-row order-row-flagged' : 'list-row order-row'}
        data-testid="order-row"
        data-status={order.status}
        data-flag={flag ?? undefined}
      >
        <span class="list-row-main">
          <strong>
            <bdi>{customer?.name ?? t('orders.unknownVillager')}</bdi>
          </strong>
          <span class="muted">
            <Joined parts={[platform ? fmt.name(platform.names) : '', t('orders.items', { count, n: fmt.number(count) }), fmt.dateTime(order.createdAt)]} />
          </span>
          {flag && (
            <span class="order-flag" data-testid="order-flag">
              <Icon name="warning" size={18} /> {t(`orders.flag.${flag}`, { n: fmt.number(flag === 'notShipped' ? late.notShippedDays : late.notCollectedDays) })}
            </span>
          )}
        </span>
        <span class="order-row-side">
          <strong class="amount">{fmt.money(order.totalFen)}</strong>
          <StatusBadge status={order.status} />
        </span>
        <Icon name="back" class="flip-ltr" />
      </Link>
    </li>
  );
}

/** Orders by status, with counts; late ones (not shipped, not collected) stand out and have a chip of their own. */
export function OrdersScreen({ view, onView }: { view: OrdersView | undefined; onView(view: OrdersView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(60_000);
  const late = useCentreSettings();
  const shown = view ?? DEFAULT_VIEW;
  const counts = useOrderCounts();
  // Closed orders are read a page at a time (a busy centre has tens of thousands); open ones whole.
  const paged = CLOSED.includes(shown);
  // How many rows "show more" has asked for, in the view it was asked in: another view starts at a page.
  const [more, setMore] = useState({ view: shown, rows: ORDERS_PAGE });
  const pageRows = more.view === shown ? more.rows : ORDERS_PAGE;
  const orders = useOrdersIn(shown === 'flagged' ? FLAGGABLE : [shown], paged ? pageRows : Infinity);
  const flagged = useOrdersIn(FLAGGABLE)?.rows.filter((v) => flagOf(v.order, now, late) !== null).length;
  const rows = (orders?.rows ?? []).filter((v) => shown !== 'flagged' || flagOf(v.order, now, late) !== null);

  return (
    <section class="screen">
      <div class="row-between screen-head">
        <h1>{t('orders.title')}</h1>
        <Link to="/orders/new" search={{}} className="button button-primary" data-testid="new-order">
          <Icon name="plus" /> {t('orders.new')}
        </Link>
      </div>
      <div class="filters" role="group" aria-label={t('orders.byStatus')}>
        <button
          type="button"
          class={shown === 'flagged' ? 'chip chip-active chip-warning' : 'chip chip-warning'}
          aria-pressed={shown === 'flagged'}
          data-testid="orders-view-flagged"
          onClick={() => onView('flagged')}
        >
          <Icon name="warning" size={18} /> {t('orders.flagged')} <bdi>{fmt.number(flagged ?? 0)}</bdi>
        </button>
        {ORDER_STATUSES.map((s) => (
          <button
            type="button"
            key={s}
            class={shown === s ? 'chip chip-active' : 'chip'}
            aria-pressed={shown === s}
            data-testid={`orders-view-${s}`}
            onClick={() => onView(s)}
          >
            {t(`orders.status.${s}`)} <bdi data-testid="orders-count">{fmt.number(counts?.[s] ?? 0)}</bdi>
          </button>
        ))}
      </div>
      {orders === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="empty">{t('orders.none')}</p>
      ) : (
        <ul class="list" data-testid="order-list">
          {rows.map((v) => (
            <OrderRow key={v.order.id} view={v} flag={flagOf(v.order, now, late)} late={late} />
          ))}
        </ul>
      )}
      {orders && paged && (
        <ShowMore total={orders.total} shown={orders.rows.length} onMore={() => setMore({ view: shown, rows: orders.rows.length + ORDERS_PAGE })} testId="orders-more" />
      )}
      {CLOSED.includes(shown) && <OlderHistoryNote />}
    </section>
  );
}
