import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Customer } from '../../../shared/domain/villagers';
import { deleteCustomer } from '../../data/commands/customer-delete';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useSaveOnce } from '../../ui/useSaveOnce';

/** Deleting takes two taps; the second sits next to what it means (the name stays on old orders, the rest goes). */
export function DeleteVillagerCard({ villager }: { villager: Customer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { saving, error, run } = useSaveOnce();

  return (
    <div class="card card-danger" data-testid="villager-delete-card">
      <h2>{t('villagers.delete.title')}</h2>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="villager-delete-question">
          <p id="villager-delete-question">
            <strong>{t('villagers.delete.question', { name: villager.name })}</strong>
          </p>
          <p>{t('villagers.delete.meaning')}</p>
          <ErrorText code={error} />
          <div class="actions">
            <button
              type="button"
              class="button button-danger button-large"
              data-testid="villager-delete-yes"
              disabled={saving}
              onClick={() =>
                void run(async () => {
                  await deleteCustomer(villager.id);
                  await navigate({ to: '/villagers' });
                })
              }
            >
              <Icon name="close" />
              {t('villagers.delete.yes')}
            </button>
            <button type="button" class="button button-large" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button button-large" data-testid="villager-delete-open" onClick={() => setConfirming(true)}>
          {t('villagers.delete.open')}
        </button>
      )}
    </div>
  );
}
