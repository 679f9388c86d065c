import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/db';
import { getClockReading, serverNowIfClockWrong } from '../../sync/clock';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';

/**
 * Cheap tablets lose their clock when the battery runs flat. When the last
 * sync found the tablet's time far from the server's, staff are asked to set
 * it: receipts and records carry the tablet's time, which stays as it is.
 */
export function ClockWarning() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  const reading = useLiveQuery(() => getClockReading(db), []);
  const serverNow = serverNowIfClockWrong(reading, now);
  if (serverNow === null) return null;
  return (
    <div class="banner banner-warning" role="status" data-testid="clock-warning">
      <Icon name="warning" />
      <div class="banner-text">
        <strong>{t('clock.title')}</strong>
        <span>{t('clock.wrong', { serverTime: fmt.dateTime(new Date(serverNow).toISOString()) })}</span>
      </div>
    </div>
  );
}
