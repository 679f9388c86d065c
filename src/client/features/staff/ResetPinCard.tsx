import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { resetStaffPin } from '../../data/commands/staff-reset-pin';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { NewPinFields } from './NewPinFields';
import { checkPinDraft, hasPinErrors, type PinDraft, type PinErrors } from './pin-draft';
import { useStaffAction } from './useStaffAction';

const EMPTY: PinDraft = { pin: '', again: '' };

/** A new PIN for someone who forgot theirs: closed until asked for, so nobody types into it by chance. */
export function ResetPinCard({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PinDraft>(EMPTY);
  const [errors, setErrors] = useState<PinErrors>({});
  const [done, setDone] = useState(false);
  const { busy, failure, clearFailure, run } = useStaffAction();

  function close() {
    setOpen(false);
    setDraft(EMPTY);
    setErrors({});
    clearFailure();
  }

  async function save() {
    const problems = checkPinDraft(staff.role, draft);
    setErrors(problems);
    if (hasPinErrors(problems)) return;
    if (await run(() => resetStaffPin(staff.id, draft.pin))) {
      close();
      setDone(true);
    }
  }

  return (
    <div class="card" data-testid="reset-pin-card">
      <h2>
        <Icon name="key" /> {t('staff.pin.resetTitle')}
      </h2>
      {done && (
        <p class="notice notice-ok" role="status" data-testid="pin-saved">
          {t('staff.pin.saved', { name: staff.name })}
        </p>
      )}
      {open ? (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <NewPinFields
            role={staff.role}
            draft={draft}
            errors={errors}
            testId="reset-pin"
            onChange={(next) => {
              setDraft(next);
              setErrors({});
            }}
            onDone={() => void save()}
          />
          <ErrorText code={failure?.key} params={failure?.params} />
          <div class="actions">
            <button type="submit" class="button button-primary button-large" data-testid="reset-pin-save" disabled={busy}>
              <Icon name="check" />
              {busy ? t('common.saving') : t('staff.pin.resetSave')}
            </button>
            <button type="button" class="button button-large" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class="muted">{t('staff.pin.resetHelp')}</p>
          <button
            type="button"
            class="button button-large"
            data-testid="reset-pin-open"
            onClick={() => {
              setDone(false);
              setOpen(true);
            }}
          >
            {t('staff.pin.resetOpen')}
          </button>
        </>
      )}
    </div>
  );
}
