import { useTranslation } from '../../i18n/use-translation';
import type { LikelyDuplicate } from '../../data/villager-duplicates';
import { Icon } from '../../ui/Icon';
import { VillagerSummary } from './VillagerResults';

/** "This may be …": use a villager already known, or create the new one anyway. */
export function DuplicateWarning({ found, busy, onUse, onCreateAnyway }: {
  found: LikelyDuplicate[];
  busy: boolean;
  onUse(customerId: string): void;
  onCreateAnyway(): void;
}) {
  const { t } = useTranslation();
  return (
    <div class="notice" role="group" aria-labelledby="duplicate-question" data-testid="villager-duplicates">
      <p id="duplicate-question">
        <Icon name="warning" /> <strong>{t('villagers.duplicates.question', { count: found.length })}</strong>
      </p>
      <ul class="list">
        {found.map(({ customer, reason }) => (
          <li key={customer.id}>
            <button type="button" class="list-row villager-choice" data-testid="villager-duplicate-use" data-id={customer.id} onClick={() => onUse(customer.id)}>
              <VillagerSummary villager={customer} />
              <span class="badge">{t(`villagers.duplicates.${reason}`)}</span>
              <span class="button button-small">{t('villagers.duplicates.use')}</span>
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button button-large" data-testid="villager-create-anyway" disabled={busy} onClick={onCreateAnyway}>
          <Icon name="plus" />
          {t('villagers.duplicates.createAnyway')}
        </button>
      </div>
    </div>
  );
}
