import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { AdminTiles } from '../login/AdminTiles';
import { PinForm } from '../login/PinForm';

/**
 * An admin of the centre steps up: taps their name, types their PIN.
 * `onPin` throws wrong_pin (counted towards their lockout) or not_admin.
 */
export function AdminPinStep({ title, submitLabel, onPin }: { title: string; submitLabel: string; onPin(adminId: string, pin: string): Promise<void> }) {
  const { t } = useTranslation();
  const [admin, setAdmin] = useState<Staff | null>(null);
  if (admin) {
    return (
      <div class="admin-pin" data-testid="admin-pin">
        <p>
          <strong>{t('parcels.adminPinFor', { name: admin.name })}</strong>
        </p>
        <PinForm staffId={admin.id} submitLabel={submitLabel} onPin={(pin) => onPin(admin.id, pin)} />
        <button type="button" class="button button-ghost" onClick={() => setAdmin(null)}>
          {t('parcels.otherAdmin')}
        </button>
      </div>
    );
  }
  return (
    <div class="admin-pin" data-testid="admin-pin">
      <p>{title}</p>
      <AdminTiles testId="admin-choice" onChoose={setAdmin} />
    </div>
  );
}
