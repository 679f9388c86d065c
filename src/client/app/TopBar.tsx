import { useTranslation } from 'react-i18next';
import { logout, type Session } from '../auth/session';
import { SyncStatus } from '../features/sync/SyncStatus';
import { Icon } from '../ui/Icon';
import { useFormat } from '../ui/format';
import type { LocalizedName } from '../../shared/domain/entities';

/** Centre, who is signed in (tap to switch), and the sync status. */
export function TopBar({ centreName, session }: { centreName: LocalizedName; session: Session }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <header class="top-bar">
      <div class="top-bar-row">
        <div class="top-bar-centre">
          <img src="/icons/icon-192.png" alt="" width={32} height={32} />
          <strong data-testid="centre-name">{fmt.name(centreName)}</strong>
        </div>
        <button
          type="button"
          class="button button-ghost button-small"
          data-testid="switch-user"
          onClick={logout}
          title={t('app.switchUser')}
        >
          <Icon name="user" />
          <span data-testid="current-staff">{session.staff.name}</span>
          <span class="muted">· {t('app.switchUser')}</span>
        </button>
      </div>
      <SyncStatus />
    </header>
  );
}
