import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { unlockByAdmin } from '../../auth/check-pin';
import { AdminTiles } from './AdminTiles';
import { PinForm } from './PinForm';

/** An admin of the centre types their own PIN to let a locked-out person try again at once. */
export function AdminUnlock({ locked, onDone }: { locked: Staff; onDone(): void }) {
  const { t } = useTranslation();
  const [admin, setAdmin] = useState<Staff | null>(null);

  if (admin) {
    return (
      <div class="card" data-testid="admin-unlock">
        <h3>{t('login.unlockAs', { admin: admin.name, name: locked.name })}</h3>
        <PinForm
          staffId={admin.id}
          submitLabel={t('login.unlock')}
          onPin={async (pin) => {
            await unlockByAdmin(admin.id, pin, locked.id);
            onDone();
          }}
        />
      </div>
    );
  }
  return (
    <div class="card" data-testid="admin-unlock">
      <h3>{t('login.unlockWho')}</h3>
      <AdminTiles except={locked.id} testId="unlock-admin" onChoose={setAdmin} />
    </div>
  );
}
