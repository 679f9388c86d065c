import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { useStaffList } from '../../data/queries/staff';
import { Icon } from '../../ui/Icon';

/**
 * The centre's active admins as tiles to tap before one types their PIN
 * (unlocking a locked-out person, stepping up for a handover). `except`
 * leaves one person out: a locked-out admin cannot unlock themself.
 */
export function AdminTiles({ except, testId, onChoose }: { except?: string; testId: string; onChoose(admin: Staff): void }) {
  const { t } = useTranslation();
  const admins = useStaffList()?.filter((s) => s.role === 'admin' && s.active && s.id !== except);
  return (
    <>
      {admins && admins.length === 0 && <p class="muted">{t('login.noAdmin')}</p>}
      <ul class="staff-tiles">
        {(admins ?? []).map((a) => (
          <li key={a.id}>
            <button type="button" class="staff-tile" data-testid={testId} onClick={() => onChoose(a)}>
              <Icon name="key" size={28} />
              <span class="staff-name">{a.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
