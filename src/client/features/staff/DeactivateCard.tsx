import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { deactivateStaff } from '../../data/commands/staff-deactivate';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useStaffAction } from './useStaffAction';

/**
 * Deactivating takes two taps, and the second is next to what it means: no
 * sign-in on any tablet once the change reaches it, and sales made offline
 * before then are kept and flagged for the admin.
 */
export function DeactivateCard({ staff, self }: { staff: Staff; self: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, clearFailure, run } = useStaffAction();

  return (
    <div class="card card-danger" data-testid="deactivate-card">
      <h2>{t('staff.deactivate.title')}</h2>
      {self ? (
        <p class="muted" data-testid="deactivate-self">
          {t('staff.errors.cannot_deactivate_self')}
        </p>
      ) : confirming ? (
        <div class="confirm" role="group" aria-labelledby="deactivate-question" data-testid="deactivate-confirm">
          <p id="deactivate-question">
            <strong>{t('staff.deactivate.question', { name: staff.name })}</strong>
          </p>
          <ul class="bullets">
            <li>{t('staff.deactivate.noSignIn')}</li>
            <li>{t('staff.deactivate.salesKept')}</li>
            <li>{t('staff.deactivate.final')}</li>
          </ul>
          <ErrorText code={failure?.key} params={failure?.params} />
          <div class="actions">
            <button
              type="button"
              class="button button-danger button-large"
              data-testid="deactivate-yes"
              disabled={busy}
              onClick={() => void run(() => deactivateStaff(staff.id))}
            >
              <Icon name="close" />
              {t('staff.deactivate.yes', { name: staff.name })}
            </button>
            <button
              type="button"
              class="button button-large"
              data-testid="deactivate-no"
              onClick={() => {
                setConfirming(false);
                clearFailure();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="muted">{t('staff.deactivate.help')}</p>
          <button type="button" class="button button-large" data-testid="deactivate-open" onClick={() => setConfirming(true)}>
            {t('staff.deactivate.open')}
          </button>
        </>
      )}
    </div>
  );
}
