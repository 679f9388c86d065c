import { useTranslation } from '../i18n/use-translation';
import { lock, type Session } from '../auth/session';
import { SyncStatus } from '../features/sync/SyncStatus';
import { BrandMark } from '../ui/BrandMark';
import { Icon } from '../ui/Icon';
import { useFormat } from '../ui/format';
import type { LocalizedName } from '../../shared/domain/entities';

/**
 * Centre, who is signed in, the lock button, and the sync status: two rows
 * on a tablet, one on a phone (the stylesheet folds them). Locking is how
 * people switch: lock, then the next person taps their name. Whatever the
 * first person had in the cart waits under their name.
 */
export function TopBar({ centreName, session }: { centreName: LocalizedName; session: Session }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <header class="top-bar">
      <div class="top-bar-row">
        <div class="top-bar-centre">
          <BrandMark size={32} />
          <strong data-testid="centre-name">{fmt.name(centreName)}</strong>
        </div>
        <button type="button" class="button button-small" data-testid="lock" onClick={lock} title={t('app.lockHint')}>
          <Icon name="lock" />
          <span class="top-bar-staff" data-testid="current-staff">
            {session.staff.name}
          </span>
          <span class="muted top-bar-lock-word">· {t('app.lock')}</span>
        </button>
      </div>
      <SyncStatus />
    </header>
  );
}
