import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Customer } from '../../../shared/domain/villagers';
import { mergeCustomers } from '../../data/commands/customer-merge';
import { useVillager, useVillagerSearch } from '../../data/queries/villagers';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { SearchField } from '../../ui/SearchField';
import { useFormat } from '../../ui/format';
import { useSaveOnce } from '../../ui/useSaveOnce';
import { VillagerResults, VillagerSummary } from './VillagerResults';

/**
 * Merging (admins): this villager stays; the admin picks the duplicate,
 * confirms, and the duplicate's orders and parcels show under this one.
 */
export function MergeScreen({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const found = useVillager(customerId);
  if (found === undefined) return <Loading />;
  if (found === null || found.customer.deleted) return <p class="empty">{t('villagers.notFound')}</p>;
  return <Merge key={found.customer.id} survivor={found.customer} />;
}

function Merge({ survivor }: { survivor: Customer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [duplicate, setDuplicate] = useState<Customer | null>(null);
  const found = useVillagerSearch(search, fmt.lang);
  const others = found?.filter((c) => c.id !== survivor.id);
  const { saving, error, run } = useSaveOnce();

  return (
    <section class="screen">
      <Link to="/villagers/$customerId" params={{ customerId: survivor.id }} className="button button-ghost back-link">
        <Icon name="back" class="flip-rtl" />
        <bdi>{survivor.name}</bdi>
      </Link>
      <h1>{t('villagers.merge.title')}</h1>
      <div class="card">
        <p class="muted">{t('villagers.merge.stays')}</p>
        <div class="list-row">
          <VillagerSummary villager={survivor} />
        </div>
      </div>
      {duplicate ? (
        <div class="confirm" role="group" aria-labelledby="merge-question" data-testid="merge-confirm">
          <p id="merge-question">
            <strong>{t('villagers.merge.question', { merged: duplicate.name, survivor: survivor.name })}</strong>
          </p>
          <div class="list-row">
            <VillagerSummary villager={duplicate} />
          </div>
          <ul class="bullets">
            <li>{t('villagers.merge.keepsEverything', { survivor: survivor.name })}</li>
            <li>{t('villagers.merge.detailsStay', { survivor: survivor.name })}</li>
            <li>{t('villagers.merge.final')}</li>
          </ul>
          <ErrorText code={error} />
          <div class="actions">
            <button
              type="button"
              class="button button-danger button-large"
              data-testid="merge-yes"
              disabled={saving}
              onClick={() =>
                void run(async () => {
                  await mergeCustomers(survivor.id, duplicate.id);
                  await navigate({ to: '/villagers/$customerId', params: { customerId: survivor.id } });
                })
              }
            >
              <Icon name="check" />
              {t('villagers.merge.yes')}
            </button>
            <button type="button" class="button button-large" data-testid="merge-no" onClick={() => setDuplicate(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <h2>{t('villagers.merge.pick')}</h2>
          <SearchField value={search} onChange={setSearch} label={t('villagers.search')} testId="merge-search" />
          <VillagerResults
            villagers={others}
            testId="merge-candidates"
            empty={t('villagers.noMatch')}
            renderRow={(v, body) => (
              <button type="button" class="list-row villager-choice" data-testid="merge-candidate" data-id={v.id} onClick={() => setDuplicate(v)}>
                {body}
              </button>
            )}
          />
        </>
      )}
    </section>
  );
}
