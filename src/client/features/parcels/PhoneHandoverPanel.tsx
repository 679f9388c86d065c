import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { isMainlandMobile } from '../../../shared/domain/phone';
import { handoverByPhone } from '../../data/commands/parcel-handover';
import { AppErrorCode, toAppError } from '../../data/errors';
import type { Message } from '../../ui/useSaveOnce';
import { ErrorText } from '../../ui/ErrorText';
import { actionMessage } from '../orders/useAction';
import { AdminPinStep } from './AdminPinStep';

/** Errors the PIN form itself shows (under the PIN); every other one is the handover's. */
const PIN_ERRORS: ReadonlySet<string> = new Set([AppErrorCode.wrongPin, AppErrorCode.lockedOut, AppErrorCode.notAdmin]);

/**
 * A villager without their code: staff type the villager's phone, an admin
 * confirms with their PIN, and the tablet signs this one handover with the
 * admin's key.
 */
export function PhoneHandoverPanel({ parcelId, onDone }: { parcelId: string; onDone(): void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const phoneOk = isMainlandMobile(phone.normalize('NFKC'));

  return (
    <div class="card form" data-testid="phone-handover">
      <label class="field">
        <span>{t('parcels.villagerPhone')}</span>
        <input data-testid="handover-phone" inputMode="tel" dir="ltr" autoComplete="off" value={phone} onInput={(e) => { setPhone(e.currentTarget.value); setMessage(null); }} />
        {phone.trim() !== '' && !phoneOk && <small class="error-text">{t('parcels.errors.phoneInvalid')}</small>}
      </label>
      <ErrorText code={message?.key} params={message?.params} />
      {phoneOk && (
        <AdminPinStep
          title={t('parcels.adminForPhone')}
          submitLabel={t('parcels.handOver')}
          onPin={async (adminId, pin) => {
            setMessage(null);
            try {
              await handoverByPhone(parcelId, phone, adminId, pin);
            } catch (e) {
              const error = toAppError(e);
              if (PIN_ERRORS.has(error.code)) throw error;
              setMessage(actionMessage(error));
              return;
            }
            onDone();
          }}
        />
      )}
    </div>
  );
}
