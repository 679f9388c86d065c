import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { version } from '../../../../package.json';
import { BUILD_ID } from '../../build-id';
import { logout, useSession } from '../../auth/session';
import { useDevice } from '../../data/device';
import { useRefusals } from '../../data/queries';
import { useStorageEstimate } from '../../data/storage';
import { CentreSettings } from './CentreSettings';
import { IdleLockSetting } from './IdleLockSetting';
import { Icon } from '../../ui/Icon';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { useFormat } from '../../ui/format';

const MB = 1024 * 1024;

/** Language, the lock time (admins), storage, this tablet, and the list of refused changes. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const device = useDevice();
  const session = useSession();
  const storage = useStorageEstimate();
  const refusals = useRefusals();

  return (
    <section class="screen">
      <h1>{t('settings.title')}</h1>

      <div class="card">
        <h2>{t('settings.language')}</h2>
        <LanguageSwitcher />
      </div>

      {session?.staff.role === 'admin' && <IdleLockSetting />}
      {session?.staff.role === 'admin' && <CentreSettings />}

      <div class="card" data-testid="storage">
        <h2>
          <Icon name="storage" /> {t('settings.storage')}
        </h2>
        {storage ? (
          <>
            <p>
              {t('settings.storageUsed', {
                used: fmt.number(Math.round((storage.usage / MB) * 10) / 10),
                quota: fmt.number(Math.round(storage.quota / MB)),
              })}
            </p>
            <meter min={0} max={storage.quota || 1} value={storage.usage} class="meter" />
            <p class={storage.persisted ? 'notice notice-ok' : 'notice'} data-testid="storage-persisted">
              {storage.persisted ? t('settings.persisted') : t('settings.notPersisted')}
            </p>
          </>
        ) : (
          <p class="muted">{t('settings.storageUnknown')}</p>
        )}
      </div>

      <div class="card">
        <h2>{t('settings.device')}</h2>
        <dl class="facts">
          <dt>{t('settings.centre')}</dt>
          <dd>{device ? fmt.name(device.centre.name) : ''}</dd>
          <dt>{t('settings.deviceName')}</dt>
          <dd>{device?.name ?? ''}</dd>
          <dt>{t('settings.enrolledAt')}</dt>
          <dd>{device ? fmt.dateTime(device.enrolledAt) : ''}</dd>
          <dt>{t('settings.signedIn')}</dt>
          <dd>{session ? `${session.staff.name} (${t(`roles.${session.staff.role}`)})` : ''}</dd>
          <dt>{t('settings.version')}</dt>
          <dd data-testid="app-version">
            <bdi dir="ltr">
              {version} · {BUILD_ID}
            </bdi>
          </dd>
        </dl>
      </div>

      <div class="actions">
        <Link to="/refusals" className="button button-large" data-testid="refusals-link">
          <Icon name="warning" />
          {t('refusals.title')}
          {refusals && refusals.length > 0 ? ` (${fmt.number(refusals.length)})` : ''}
        </Link>
        <button type="button" class="button button-large" onClick={logout} data-testid="logout">
          <Icon name="logout" class="flip-rtl" />
          {t('app.logout')}
        </button>
      </div>
    </section>
  );
}
