import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { LocalizedName, Staff } from '../../../shared/domain/entities';
import { login, takeLogoutReason } from '../../auth/session';
import { useStaffList } from '../../data/queries/staff';
import { BrandMark } from '../../ui/BrandMark';
import { Icon } from '../../ui/Icon';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { AdminUnlock } from './AdminUnlock';
import { PinForm } from './PinForm';
import { useLockout } from './useLockout';

/** Pick your name, then type your PIN: checked on the tablet, works offline. */
export function LoginScreen({ centreName }: { centreName: LocalizedName }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const staff = useStaffList();
  const [chosen, setChosen] = useState<Staff | null>(null);
  // Said once, to whoever looks at the tablet next; a plain logout says nothing.
  const [endedBecause] = useState(takeLogoutReason);

  return (
    <main class="gate">
      <div class="gate-card gate-card-wide">
        <div class="brand">
          <BrandMark size={56} />
          <div>
            <h1>{t('app.name')}</h1>
            <p class="muted">{fmt.name(centreName)}</p>
          </div>
        </div>
        {endedBecause && !chosen && (
          <p class="notice" role="status" data-testid="logout-reason" data-reason={endedBecause}>
            {t(endedBecause === 'idle' ? 'login.idleLocked' : 'login.deactivated')}
          </p>
        )}
        {chosen ? (
          <PinStep staff={chosen} onBack={() => setChosen(null)} />
        ) : (
          <>
            <h2>{t('login.whoAreYou')}</h2>
            {staff === undefined ? (
              <Loading />
            ) : staff.length === 0 ? (
              <p class="notice">{t('login.noStaff')}</p>
            ) : (
              <ul class="staff-tiles">
                {staff.map((s) => (
                  <li key={s.id}>
                    <button type="button" class="staff-tile" data-testid="staff-tile" onClick={() => setChosen(s)}>
                      <Icon name="user" size={36} />
                      <span class="staff-name">{s.name}</span>
                      <span class="muted">{t(`roles.${s.role}`)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <LanguageSwitcher />
      </div>
    </main>
  );
}

function PinStep({ staff, onBack }: { staff: Staff; onBack(): void }) {
  const { t } = useTranslation();
  const lockedMs = useLockout(staff.id);
  const [unlocking, setUnlocking] = useState(false);

  return (
    <div class="pin-step">
      <button type="button" class="button button-ghost" onClick={onBack}>
        <Icon name="back" class="flip-rtl" />
        {t('login.otherPerson')}
      </button>
      <h2>{t('login.enterPin', { name: staff.name })}</h2>
      <PinForm staffId={staff.id} submitLabel={t('login.submit')} onPin={async (pin) => void (await login(staff.id, pin))} />
      {lockedMs > 0 &&
        (unlocking ? (
          <AdminUnlock locked={staff} onDone={() => setUnlocking(false)} />
        ) : (
          <button type="button" class="button" data-testid="ask-unlock" onClick={() => setUnlocking(true)}>
            <Icon name="key" />
            {t('login.askUnlock')}
          </button>
        ))}
    </div>
  );
}
