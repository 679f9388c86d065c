import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { parseCentrePhone } from '../../../shared/domain/centre-settings';
import { updateCentreSettings } from '../../data/commands';
import { toAppError } from '../../data/errors';
import { useCentrePhone } from '../../data/queries/settings';
import { ErrorText } from '../../ui/ErrorText';
import { messageOf, type Message } from '../../ui/useSaveOnce';

/** The centre's phone, printed at the head of every receipt; an admin sets it like the other settings. */
export function CentrePhoneForm() {
  const { t } = useTranslation();
  const current = useCentrePhone();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  // A phone that arrives by sync shows unless one is being typed.
  useEffect(() => setDraft((d) => (d === current ? null : d)), [current]);
  const shown = draft ?? current ?? '';

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const phone = parseCentrePhone(shown);
    setInvalid(phone === null);
    if (phone === null || saving) return;
    setSaving(true);
    setSaved(false);
    setMessage(null);
    try {
      await updateCentreSettings({ centrePhone: phone });
      setDraft(null);
      setSaved(true);
    } catch (e) {
      setMessage(messageOf(toAppError(e)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="settings-days centre-phone" onSubmit={save} noValidate>
      <label class="field">
        <span>{t('receipts.centrePhone.label')}</span>
        <input
          type="tel"
          inputMode="tel"
          dir="ltr"
          autoComplete="off"
          value={shown}
          aria-invalid={invalid}
          data-testid="setting-centrePhone"
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setInvalid(false);
            setSaved(false);
          }}
        />
        {invalid && <ErrorText code="receipts.centrePhone.invalid" />}
      </label>
      <div class="actions">
        <button type="submit" class="button" disabled={saving || draft === null} data-testid="save-centre-phone">
          {t('receipts.centrePhone.save')}
        </button>
        {saved && (
          <span class="notice notice-ok" role="status">
            {t('receipts.centrePhone.saved')}
          </span>
        )}
      </div>
      <ErrorText code={message?.key} params={message?.params} />
    </form>
  );
}
