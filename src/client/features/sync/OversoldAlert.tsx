import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { useOversoldWithCauses } from '../../data/queries/oversold-causes';
import { Banner } from '../../ui/Banner';
import { useFormat } from '../../ui/format';

/**
 * Stock went below zero. Either more was sold than it showed (two tablets sold
 * the last unit while offline: both sales stand, S7), or a write-off took more
 * than was there. Either way staff count the shelf and record it.
 */
export function OversoldAlert() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const oversold = useOversoldWithCauses(fmt.lang);
  if (!oversold || oversold.length === 0) return null;
  const listed = (cause: string) =>
    oversold
      .filter((p) => p.cause === cause)
      .map((p) => `${fmt.name(p.names)} (${fmt.number(p.level)})`)
      .join(t('common.listSeparator'));
  const sold = listed('sales');
  const writtenOff = listed('writeOff');
  const count = { count: oversold.length, n: fmt.number(oversold.length) };
  return (
    <Banner
      tone="danger"
      role="alert"
      testId="oversold-alert"
      title={sold ? t('oversold.title', count) : t('oversold.belowZero', count)}
      action={
        <Link to="/stock" search={{ filter: 'oversold' }} className="button button-small">
          {t('oversold.goToStock')}
        </Link>
      }
    >
      {sold && (
        <p data-testid="oversold-sold">
          <strong>{sold}</strong> {t('oversold.whatToDo')}
        </p>
      )}
      {writtenOff && (
        <p data-testid="oversold-written-off">
          <strong>{writtenOff}</strong> {t('oversold.writtenOff')}
        </p>
      )}
    </Banner>
  );
}
