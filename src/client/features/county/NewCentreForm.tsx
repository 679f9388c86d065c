import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ADMIN_PIN_PATTERN, COUNTY_API, type CreatedCentre } from '../../../shared/protocol/county';
import { Icon } from '../../ui/Icon';
import { messageOf, type CountyMessage } from './errors';
import { useCountyTranslation } from './i18n';
import { PinField } from './PinField';
import { useCounty } from './session';

/** A new centre: its name in the three languages, and the admin who will run its tablets. */
export function NewCentreForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useCountyTranslation();
  const { request } = useCounty();
  const navigate = useNavigate();
  const [names, setNames] = useState({ 'zh-CN': '', en: '', ug: '' });
  const [adminName, setAdminName] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<CountyMessage | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!names['zh-CN'].trim()) return setMessage({ key: 'newCentre.nameRequired' });
    if (!adminName.trim()) return setMessage({ key: 'newCentre.adminRequired' });
    if (!ADMIN_PIN_PATTERN.test(pin)) return setMessage({ key: 'pin.sixDigits' });
    setBusy(true);
    setMessage(null);
    const name = Object.fromEntries(Object.entries(names).filter(([, text]) => text.trim() !== ''));
    try {
      const created = await request<CreatedCentre>(COUNTY_API.centres, { method: 'POST', body: { name, admin: { name: adminName, pin } } });
      await navigate({ to: '/county/centres/$centreId', params: { centreId: created.centre.id } });
    } catch (error) {
      setMessage(messageOf(error));
      setBusy(false);
    }
  }

  const nameField = (lang: 'zh-CN' | 'en' | 'ug', dir: 'ltr' | 'rtl') => (
    <label class="field">
      <span>{t(`newCentre.name.${lang}`)}</span>
      <input
        lang={lang}
        dir={dir}
        data-testid={`county-centre-name-${lang}`}
        value={names[lang]}
        maxLength={120}
        onInput={(e) => setNames({ ...names, [lang]: e.currentTarget.value })}
      />
    </label>
  );

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="county-new-centre-form">
      <h2>{t('newCentre.title')}</h2>
      <div class="form-grid">
        {nameField('zh-CN', 'ltr')}
        {nameField('en', 'ltr')}
        {nameField('ug', 'rtl')}
      </div>
      <h3 class="county-subhead">{t('newCentre.firstAdmin')}</h3>
      <p class="hint">{t('newCentre.firstAdminHint')}</p>
      <div class="form-grid">
        <label class="field">
          <span>{t('newCentre.adminName')}</span>
          <input data-testid="county-admin-name" value={adminName} maxLength={80} onInput={(e) => setAdminName(e.currentTarget.value)} />
        </label>
        <PinField value={pin} onChange={setPin} testId="county-admin-pin" />
      </div>
      {message && (
        <p class="error-text" role="alert">
          {t(message.key, message.params ?? {})}
        </p>
      )}
      <div class="county-actions">
        <button type="submit" class="button button-primary" data-testid="county-create-centre" disabled={busy}>
          <Icon name="check" />
          {busy ? t('saving') : t('newCentre.create')}
        </button>
        <button type="button" class="button button-ghost" onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
