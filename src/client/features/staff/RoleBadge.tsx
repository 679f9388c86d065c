import { useTranslation } from '../../i18n/use-translation';
import type { Role } from '../../../shared/domain/entities';

/** A role in words on a colour of its own; deactivated people get a plain grey badge. */
export function RoleBadge({ role, active = true }: { role: Role; active?: boolean }) {
  const { t } = useTranslation();
  return (
    <span class={active ? `badge badge-role badge-role-${role}` : 'badge badge-role badge-inactive'} data-role={role}>
      {active ? t(`roles.${role}`) : t('staff.inactiveBadge', { role: t(`roles.${role}`) })}
    </span>
  );
}
