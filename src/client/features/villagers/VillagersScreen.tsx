import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useMayRun } from '../../auth/permissions';
import { useVillagerSearch } from '../../data/queries/villagers';
import { OlderHistoryNote } from '../orders/OlderHistoryNote';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { SearchField } from '../../ui/SearchField';
import { VillagerResults } from './VillagerResults';

/**
 * Villagers of the centre, found as you type by name, pinyin initials
 * (wf finds 王芳), phone digits or village, offline from the search index.
 */
export function VillagersScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const villagers = useVillagerSearch(search, fmt.lang);
  const mayCreate = useMayRun('customer.create');

  return (
    <section class="screen">
      <div class="row-between screen-head">
        <h1>{t('villagers.title')}</h1>
        {mayCreate && (
          <Link to="/villagers/new" className="button button-primary" data-testid="add-villager">
            <Icon name="plus" />
            {t('villagers.add')}
          </Link>
        )}
      </div>
      <SearchField value={search} onChange={setSearch} label={t('villagers.search')} testId="villagers-search" />
      <p class="hint">{search.trim() === '' ? t('villagers.recentHint') : t('villagers.searchHint')}</p>
      <VillagerResults
        villagers={villagers}
        empty={search.trim() === '' ? t('villagers.none') : t('villagers.noMatch')}
        renderRow={(v, body) => (
          <Link to="/villagers/$customerId" params={{ customerId: v.id }} className="list-row" data-testid="villager-row" data-id={v.id}>
            {body}
            <Icon name="back" class="flip-ltr" />
          </Link>
        )}
      />
      {search.trim() !== '' && <OlderHistoryNote />}
    </section>
  );
}
