import type { ComponentChildren } from 'preact';
import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { PinForm } from '../features/login/PinForm';
import { Icon } from '../ui/Icon';
import { confirmPin, useSession, type Session } from './session';

/** A PIN typed this recently still counts: the person is at the tablet. */
export const PIN_AGAIN_MS = 5 * 60_000;

function recent(session: Session | null, now: number): boolean {
  return !!session && now - session.pinAt < PIN_AGAIN_MS;
}

/**
 * Screens that change who may do what (settings, staff, cash-up) ask for
 * the PIN again unless it was typed in the last few minutes, so a tablet
 * left signed in does not hand them to whoever picks it up. The check is
 * the same unwrap as signing in; decided once on opening, so a screen
 * never turns into a PIN pad under the person's fingers.
 */
export function RequirePinAgain({ children, always = false }: { children: ComponentChildren; always?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  // `always`: the screen records what the PIN vouches for (a cash-up), so a recent PIN does not count.
  const [confirmed, setConfirmed] = useState(() => !always && recent(session, Date.now()));
  if (!session) return null;
  if (confirmed) return <>{children}</>;
  return (
    <section class="screen">
      <div class="card pin-again" data-testid="pin-again">
        <h1>
          <Icon name="lock" /> {t('pinAgain.title', { name: session.staff.name })}
        </h1>
        <p class="muted">{t('pinAgain.hint')}</p>
        <PinForm
          staffId={session.staff.id}
          submitLabel={t('pinAgain.submit')}
          onPin={async (pin) => {
            await confirmPin(pin);
            setConfirmed(true);
          }}
        />
      </div>
    </section>
  );
}
