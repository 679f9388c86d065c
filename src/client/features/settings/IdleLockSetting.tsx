import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_CHOICES_MS, idleLockMs } from '../../auth/idle-lock';
import { db } from '../../data/db';
import { setMeta } from '../../data/meta';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';

/** An admin chooses how long the tablet stays signed in when nobody touches it. */
export function IdleLockSetting() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const current = useLiveQuery(() => idleLockMs(db), []);
  return (
    <div class="card" data-testid="idle-lock">
      <h2>
        <Icon name="lock" /> {t('settings.idleLock')}
      </h2>
      <p class="muted">{t('settings.idleLockHint')}</p>
      <div class="segmented" role="radiogroup" aria-label={t('settings.idleLock')}>
        {IDLE_LOCK_CHOICES_MS.map((ms) => (
          <button
            key={ms}
            type="button"
            role="radio"
            aria-checked={current === ms}
            class={current === ms ? 'segment segment-active' : 'segment'}
            data-testid={`idle-lock-${ms / 1000}`}
            onClick={() => void setMeta(db, 'idleLockMs', ms)}
          >
            {ms < 60_000
              ? t('settings.seconds', { count: ms / 1000, n: fmt.number(ms / 1000) })
              : t('settings.minutes', { count: ms / 60_000, n: fmt.number(ms / 60_000) })}
          </button>
        ))}
      </div>
    </div>
  );
}
