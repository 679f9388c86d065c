import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedName, Staff } from '../../../shared/domain/entities';
import { PIN_PATTERN } from '../../../shared/domain/pin';
import { login, takeLogoutReason } from '../../auth/session';
import { toAppError } from '../../data/errors';
import { useStaffList } from '../../data/queries/staff';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { PinPad } from './PinPad';

const MAX_PIN = 8;

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
          <img src="/icons/icon-192.png" alt="" width={56} height={56} />
          <div>
            <h1>{t('app.name')}</h1>
            <p class="muted">{fmt.name(centreName)}</p>
          </div>
        </div>
        {endedBecause === 'deactivated' && !chosen && (
          <p class="notice" role="status" data-testid="logout-reason">
            {t('login.deactivated')}
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
  const fmt = useFormat();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canSubmit = PIN_PATTERN.test(pin) && !busy;

  async function submit() {
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      await login(staff.id, pin);
    } catch (e) {
      setError(`errors.${toAppError(e).code}`);
      setPin('');
      setBusy(false);
    }
  }

  function type(next: string) {
    setError(null);
    setPin(next.replace(/\D/g, '').slice(0, MAX_PIN));
  }

  return (
    <div class="pin-step">
      <button type="button" class="button button-ghost" onClick={onBack}>
        <Icon name="back" class="flip-rtl" />
        {t('login.otherPerson')}
      </button>
      <h2>{t('login.enterPin', { name: staff.name })}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <input
          class="pin-input"
          data-testid="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t('login.pin')}
          value={pin}
          maxLength={MAX_PIN}
          dir="ltr"
          autoFocus
          onInput={(e) => type(e.currentTarget.value)}
        />
        <p class="muted pin-length" aria-hidden="true">
          {t('login.pinDigits', { count: pin.length, n: fmt.number(pin.length) })}
        </p>
        <ErrorText code={error} />
        <PinPad
          onDigit={(d) => type(pin + d)}
          onDelete={() => type(pin.slice(0, -1))}
          onSubmit={() => void submit()}
          canSubmit={canSubmit}
        />
        <button type="submit" class="button button-primary button-large" data-testid="pin-submit" disabled={!canSubmit}>
          {busy ? t('login.checking') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
