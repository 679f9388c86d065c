import '../features/orders/orders.css';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from '../i18n/use-translation';
import { guarded } from '../app/guarded';
import { OrderForm } from '../features/orders/OrderForm';
import { OrderScreen } from '../features/orders/OrderScreen';
import { OrdersScreen } from '../features/orders/OrdersScreen';

export const OrdersRoute = guarded({ screen: 'orders' }, function Orders() {
  const search = useSearch({ from: '/orders' });
  const navigate = useNavigate();
  return <OrdersScreen view={search.view} onView={(view) => void navigate({ to: '/orders', search: { view }, replace: true })} />;
});

export const OrderNewRoute = guarded({ screen: 'orders', run: 'order.create' }, function OrderNew() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/orders/new' });
  const navigate = useNavigate();
  return (
    <section class="screen">
      <h1>{t('orders.new')}</h1>
      <OrderForm customerId={search.customerId ?? null} onSaved={(orderId) => void navigate({ to: '/orders/$orderId', params: { orderId }, replace: true })} />
    </section>
  );
});

export const OrderRoute = guarded({ screen: 'orders' }, function Order() {
  const { orderId } = useParams({ from: '/orders/$orderId' });
  return <OrderScreen orderId={orderId} />;
});
