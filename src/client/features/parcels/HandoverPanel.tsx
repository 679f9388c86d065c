import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { handoverByCode, PICKUP_MISSES_MAX, pickupMissesOf, unlockPickupByAdmin } from '../../data/commands/parcel-handover';
import { db } from '../../data/db';
import { ErrorText } from '../../ui/ErrorText';
import { useFormat } from '../../ui/format';
import { PinPad } from '../login/PinPad';
import { useAction } from '../orders/useAction';
import { AdminPinStep } from './AdminPinStep';

const CODE_LENGTH = 6;

/**
 * The villager says their pickup code; staff type it on the pad. After
 * PICKUP_MISSES_MAX wrong codes for this parcel (counted on this tablet,
 * across reloads), an admin's PIN comes first.
 */
export function HandoverPanel({ parcelId, onDone }: { parcelId: string; onDone(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [code, setCode] = useState('');
  const misses = useLiveQuery(() => pickupMissesOf(db, parcelId), [parcelId]);
  const { busy, message, setMessage, run } = useAction();
  const canSubmit = code.length === CODE_LENGTH && !busy;

  if (misses === undefined) return null;
  if (misses >= PICKUP_MISSES_MAX) {
    return (
      <div class="card" data-testid="pickup-locked">
        <p class="notice" role="alert">
          {t('parcels.tooManyWrong', { n: fmt.number(PICKUP_MISSES_MAX) })}
        </p>
        <AdminPinStep
          title={t('parcels.adminToContinue')}
          submitLabel={t('parcels.allowCodes')}
          onPin={async (adminId, pin) => {
            await unlockPickupByAdmin(parcelId, adminId, pin);
            setMessage(null);
          }}
        />
      </div>
    );
  }

  const type = (next: string) => {
    setMessage(null);
    setCode(next.normalize('NFKC').replace(/\D/g, '').slice(0, CODE_LENGTH));
  };
  const submit = () => {
    if (!canSubmit) return;
    void run(() => handoverByCode(parcelId, code)).then((ok) => {
      setCode('');
      if (ok) onDone();
    });
  };

  return (
    <form class="card pin-step handover" data-testid="handover-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <label class="field">
        <span>{t('parcels.codeAsked')}</span>
        <input
          class="pin-input"
          data-testid="handover-code"
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          maxLength={CODE_LENGTH}
          value={code}
          onInput={(e) => type(e.currentTarget.value)}
        />
      </label>
      <ErrorText code={message?.key} params={message?.params} />
      {misses > 0 && (
        <p class="muted" data-testid="handover-misses" data-misses={misses}>
          {t('parcels.wrongSoFar', { n: fmt.number(misses), max: fmt.number(PICKUP_MISSES_MAX) })}
        </p>
      )}
      <PinPad onDigit={(d) => type(code + d)} onDelete={() => type(code.slice(0, -1))} onSubmit={submit} canSubmit={canSubmit} />
      <button type="submit" class="button button-primary button-large" data-testid="handover-submit" disabled={!canSubmit}>
        {t('parcels.handOver')}
      </button>
    </form>
  );
}
