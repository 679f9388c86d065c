import { Link } from '@tanstack/react-router';
import { Fragment } from 'preact';
import { useTranslation } from '../../i18n/use-translation';
import type { Customer } from '../../../shared/domain/villagers';
import { useMayRun } from '../../auth/permissions';
import { useVillager } from '../../data/queries/villagers';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { CreditCard } from './CreditCard';
import { VillagerRepayments } from '../receipts/VillagerRepayments';
import { DeleteVillagerCard } from './DeleteVillagerCard';
import { VillagerHistoryView } from './VillagerHistoryView';
import { VillagerTrainingCard } from '../training/sessions/VillagerTrainingCard';

/** One villager: what is kept of them, their orders and parcels, and what staff may do. */
export function VillagerScreen({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const found = useVillager(customerId);
  if (found === undefined) return <Loading />;
  if (found === null) return <p class="empty">{t('villagers.notFound')}</p>;
  return <VillagerPage key={found.customer.id} villager={found.customer} mergedFrom={found.asked !== found.customer.id} />;
}

function VillagerPage({ villager, mergedFrom }: { villager: Customer; mergedFrom: boolean }) {
  const { t } = useTranslation();
  const mayEdit = useMayRun('customer.update') && !villager.deleted;
  const mayMerge = useMayRun('customer.merge') && !villager.deleted;
  const mayDelete = useMayRun('customer.delete') && !villager.deleted;
  const mayOrder = useMayRun('order.create') && !villager.deleted;
  const mayLogParcel = useMayRun('parcel.log') && !villager.deleted;

  return (
    <section class="screen">
      <Link to="/villagers" className="button button-ghost back-link" data-testid="villager-back">
        <Icon name="back" class="flip-rtl" />
        {t('villagers.title')}
      </Link>
      <div class="row-between screen-head">
        <h1 data-testid="villager-title">
          <bdi>{villager.name}</bdi>
        </h1>
        <div class="head-actions">
          {mayEdit && (
            <Link to="/villagers/$customerId/edit" params={{ customerId: villager.id }} className="button" data-testid="villager-edit">
              <Icon name="edit" />
              {t('villagers.edit')}
            </Link>
          )}
          {mayMerge && (
            <Link to="/villagers/$customerId/merge" params={{ customerId: villager.id }} className="button" data-testid="villager-merge">
              <Icon name="user" />
              {t('villagers.merge.open')}
            </Link>
          )}
        </div>
      </div>
      {mergedFrom && (
        <p class="notice" data-testid="villager-merged-notice">
          {t('villagers.mergedNotice')}
        </p>
      )}
      {villager.deleted && (
        <p class="notice" data-testid="villager-deleted">
          {t('villagers.deletedNotice')}
        </p>
      )}
      <VillagerFacts villager={villager} />
      {(mayOrder || mayLogParcel) && (
        <div class="actions">
          {mayOrder && (
            <Link to="/orders/new" search={{ customerId: villager.id }} className="button button-primary button-large" data-testid="villager-new-order">
              <Icon name="plus" />
              {t('villagers.newOrder')}
            </Link>
          )}
          {mayLogParcel && (
            <Link to="/parcels/new" search={{ customerId: villager.id }} className="button button-large" data-testid="villager-new-parcel">
              <Icon name="plus" />
              {t('villagers.newParcel')}
            </Link>
          )}
        </div>
      )}
      <VillagerHistoryView villagerId={villager.id} />
      <CreditCard customerId={villager.id} deleted={villager.deleted} />
      <VillagerRepayments customerId={villager.id} />
      <VillagerTrainingCard villagerId={villager.id} />
      {mayDelete && <DeleteVillagerCard villager={villager} />}
    </section>
  );
}

function VillagerFacts({ villager }: { villager: Customer }) {
  const { t } = useTranslation();
  if (!villager.consent) {
    return (
      <p class="card muted" data-testid="villager-facts">
        {villager.deleted ? t('villagers.deletedNameOnly') : t('villagers.consent.withoutExplained')}
      </p>
    );
  }
  const rows: [string, string, boolean?][] = [
    [t('villagers.phone'), villager.phone, true],
    [t('villagers.village'), villager.village],
    [t('villagers.household'), villager.household],
    [t('villagers.householdSize'), villager.householdSize > 0 ? String(villager.householdSize) : ''],
    [t('villagers.notes'), villager.notes],
  ];
  return (
    <dl class="card facts" data-testid="villager-facts">
      {rows.map(([label, value, ltr]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value ? <bdi dir={ltr ? 'ltr' : undefined}>{value}</bdi> : <span class="muted">{t('villagers.notGiven')}</span>}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
