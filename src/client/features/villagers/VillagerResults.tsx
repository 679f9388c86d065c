import type { ComponentChildren } from 'preact';
import { useTranslation } from '../../i18n/use-translation';
import type { Customer } from '../../../shared/domain/villagers';
import { Icon } from '../../ui/Icon';
import { Joined } from '../../ui/Joined';
import { Loading } from '../../ui/Loading';

/** One villager as a list row's body: name, then village and phone when kept. */
export function VillagerSummary({ villager }: { villager: Customer }) {
  const { t } = useTranslation();
  const hasDetails = [villager.village, villager.household, villager.phone].some((d) => d !== '');
  return (
    <>
      <Icon name="user" size={32} />
      <span class="list-row-main">
        <strong>
          <bdi>{villager.name}</bdi>
        </strong>
        <span class="muted">
          {!villager.consent ? (
            t('villagers.nameOnly')
          ) : hasDetails ? (
            <Joined parts={[villager.village, villager.household, { ltr: villager.phone }]} />
          ) : (
            t('villagers.noDetails')
          )}
        </span>
      </span>
    </>
  );
}

/** A list of villagers found, each rendered by the caller around its summary (a link, a choice). */
export function VillagerResults({ villagers, empty, renderRow, testId = 'villagers-list' }: {
  villagers: Customer[] | undefined;
  empty: string;
  renderRow(villager: Customer, body: ComponentChildren): ComponentChildren;
  testId?: string;
}) {
  if (villagers === undefined) return <Loading />;
  if (villagers.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="list" data-testid={testId}>
      {villagers.map((v) => (
        <li key={v.id}>{renderRow(v, <VillagerSummary villager={v} />)}</li>
      ))}
    </ul>
  );
}
