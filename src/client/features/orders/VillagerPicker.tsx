import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useVillager, useVillagerSearch } from '../../data/queries/villagers';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Joined } from '../../ui/Joined';
import { SearchField } from '../../ui/SearchField';
import { useFormat } from '../../ui/format';

const SHOWN = 6;

/** The chosen villager with a way to change them, or a search (name, pinyin, phone, village) to pick one. */
export function VillagerPicker({ value, onChange, error }: { value: string | null; onChange(id: string | null): void; error?: string | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [query, setQuery] = useState('');
  const chosen = useVillager(value ?? '');
  const found = useVillagerSearch(value ? '' : query, fmt.lang);

  if (value && chosen) {
    const c = chosen.customer;
    return (
      <div class="field">
        <span>{t('orders.villager')}</span>
        <div class="list-row" data-testid="villager-chosen">
          <Icon name="user" />
          <span class="list-row-main">
            <strong>
              <bdi>{c.name}</bdi>
            </strong>
            {(c.village || c.phone) && (
              <span class="muted">
                <Joined parts={[c.village, { ltr: c.phone }]} />
              </span>
            )}
          </span>
          <button type="button" class="button button-small" data-testid="villager-change" onClick={() => onChange(null)}>
            {t('orders.changeVillager')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="field villager-picker">
      <span id="villager-picker-label">{t('orders.villager')}</span>
      <SearchField value={query} onChange={setQuery} label={t('orders.findVillager')} testId="villager-search" />
      <ul class="list" aria-labelledby="villager-picker-label">
        {(found ?? []).slice(0, SHOWN).map((c) => (
          <li key={c.id}>
            <button type="button" class="list-row villager-option" data-testid="villager-option" onClick={() => onChange(c.id)}>
              <Icon name="user" />
              <span class="list-row-main">
                <strong>
                  <bdi>{c.name}</bdi>
                </strong>
                <span class="muted">
                  <Joined parts={[c.village, { ltr: c.phone }]} />
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {found && found.length === 0 && <p class="muted">{t('orders.noVillagerFound')}</p>}
      <ErrorText code={error} />
    </div>
  );
}
