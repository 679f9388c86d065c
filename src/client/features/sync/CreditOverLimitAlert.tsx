import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { useVillagersOverLimitAfterSync } from '../../data/queries/credit-over-limit';
import { Banner } from '../../ui/Banner';
import { useFormat } from '../../ui/format';

/**
 * Sync brought a villager past the credit limit: two tablets sold to them on
 * credit while offline, each within the limit it knew. Both sales stand; the
 * alert links to the villager, whose page says what they owe.
 */
export function CreditOverLimitAlert() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const found = useVillagersOverLimitAfterSync();
  if (!found || found.villagers.length === 0) return null;
  const { villagers, limitFen } = found;
  const first = villagers[0]!;
  return (
    <Banner
      tone="warning"
      role="status"
      testId="credit-over-limit-alert"
      title={t('pay.alert.title', { count: villagers.length, n: fmt.number(villagers.length) })}
      action={
        <Link to="/villagers/$customerId" params={{ customerId: first.customerId }} className="button button-small" data-testid="credit-over-limit-open">
          {villagers.length === 1 ? <bdi>{first.name}</bdi> : t('pay.alert.open')}
        </Link>
      }
    >
      <p>{t('pay.alert.whatHappened', { limit: fmt.money(limitFen) })}</p>
      <ul class="credit-over-limit-list">
        {villagers.map((v) => (
          <li key={v.customerId}>
            <Link to="/villagers/$customerId" params={{ customerId: v.customerId }} data-testid="credit-over-limit-villager">
              <bdi>{v.name}</bdi>
            </Link>{' '}
            <span class="amount">{fmt.money(v.balanceFen)}</span>
          </li>
        ))}
      </ul>
    </Banner>
  );
}
