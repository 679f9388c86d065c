import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from '../../i18n/use-translation';
import { db } from '../../data/db';
import { getClockReading, serverNowIfClockWrong } from '../../sync/clock';
import { Banner } from '../../ui/Banner';
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
    <Banner tone="warning" role="status" testId="clock-warning" title={t('clock.title')}>
      <p>{t('clock.wrong', { serverTime: fmt.dateTime(new Date(serverNow).toISOString()) })}</p>
    </Banner>
  );
}
