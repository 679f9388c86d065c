import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from '../../i18n/use-translation';
import { IDLE_LOCK_CHOICES_MS, idleLockMs } from '../../auth/idle-lock';
import { db } from '../../data/db';
import { setMeta } from '../../data/meta';
import { Icon } from '../../ui/Icon';
import { Segmented } from '../../ui/Segmented';
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
      <Segmented
        label={t('settings.idleLock')}
        value={current}
        onChange={(ms) => void setMeta(db, 'idleLockMs', ms)}
        segments={IDLE_LOCK_CHOICES_MS.map((ms) => ({
          value: ms,
          testId: `idle-lock-${ms / 1000}`,
          label:
            ms < 60_000
              ? t('settings.seconds', { count: ms / 1000, n: fmt.number(ms / 1000) })
              : t('settings.minutes', { count: ms / 60_000, n: fmt.number(ms / 60_000) }),
        }))}
      />
    </div>
  );
}
