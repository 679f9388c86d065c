import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Role } from '../../../shared/domain/entities';
import type { AppError } from '../../data/errors';
import { createStaff } from '../../data/commands/staff-create';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useSaveOnce, type Message } from '../../ui/useSaveOnce';
import { NewPinFields } from './NewPinFields';
import { checkPinDraft, hasPinErrors, type PinDraft, type PinErrors } from './pin-draft';
import { RoleChoice } from './RoleChoice';
import { STAFF_NAME_MAX, staffErrorMessage } from './staff-errors';

/** Add a person: name, role, and a PIN they choose, typed twice. Works offline. */
export function StaffNewScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [pin, setPin] = useState<PinDraft>({ pin: '', again: '' });
  const [nameError, setNameError] = useState<string | undefined>();
  const [pinErrors, setPinErrors] = useState<PinErrors>({});
  const [failure, setFailure] = useState<Message | null>(null);
  const { saving, run } = useSaveOnce();

  function explain(error: AppError): boolean {
    setFailure(staffErrorMessage(error));
    return true;
  }

  async function save(event?: Event) {
    event?.preventDefault();
    if (saving) return;
    const trimmed = name.trim();
    const nameProblem = !trimmed ? 'staff.errors.nameRequired' : trimmed.length > STAFF_NAME_MAX ? 'staff.errors.nameInvalid' : undefined;
    const pinProblems = checkPinDraft(role, pin);
    setNameError(nameProblem);
    setPinErrors(pinProblems);
    setFailure(null);
    if (nameProblem || hasPinErrors(pinProblems)) return;
    await run(async () => {
      await createStaff({ name: trimmed, role, pin: pin.pin });
      await navigate({ to: '/staff' });
    }, explain);
  }

  return (
    <section class="screen">
      <h1>{t('staff.add')}</h1>
      <form class="form card staff-form" onSubmit={save} noValidate data-testid="staff-form">
        <label class="field">
          <span>{t('staff.name')}</span>
          <input
            name="name"
            data-testid="staff-name"
            value={name}
            dir="auto"
            autoComplete="off"
            maxLength={STAFF_NAME_MAX * 2}
            aria-invalid={nameError !== undefined}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setNameError(undefined);
            }}
          />
          <ErrorText code={nameError} params={{ max: STAFF_NAME_MAX }} />
        </label>
        <RoleChoice
          value={role}
          name="role"
          testId="staff-role"
          onChange={(next) => {
            setRole(next);
            setPinErrors({});
          }}
        />
        <fieldset>
          <legend>{t('staff.pin.title')}</legend>
          <NewPinFields
            role={role}
            draft={pin}
            errors={pinErrors}
            testId="staff-pin"
            onChange={(next) => {
              setPin(next);
              setPinErrors({});
            }}
            onDone={() => void save()}
          />
        </fieldset>
        <p class="muted">{t('staff.pin.private')}</p>
        <ErrorText code={failure?.key} params={failure?.params} />
        <div class="actions">
          <button type="submit" class="button button-primary button-large" data-testid="staff-save" disabled={saving}>
            <Icon name="check" />
            {saving ? t('common.saving') : t('staff.addSave')}
          </button>
          <button type="button" class="button button-large" onClick={() => void navigate({ to: '/staff' })}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
