import { useTranslation } from '../../i18n/use-translation';
import type { Role } from '../../../shared/domain/entities';

export const ROLES: readonly Role[] = ['clerk', 'trainer', 'admin'];

/** Three large choices, each with a line saying what the role may do. */
export function RoleChoice({ value, onChange, name, testId }: {
  value: Role;
  onChange(role: Role): void;
  name: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('staff.role')}</legend>
      <div class="segmented role-choice">
        {ROLES.map((role) => (
          <label key={role} class={value === role ? 'segment segment-active' : 'segment'}>
            <input
              type="radio"
              name={name}
              value={role}
              data-testid={`${testId}-${role}`}
              checked={value === role}
              onChange={() => onChange(role)}
            />
            <span class="role-choice-text">
              <strong>{t(`roles.${role}`)}</strong>
              <small>{t(`staff.roleHelp.${role}`)}</small>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
