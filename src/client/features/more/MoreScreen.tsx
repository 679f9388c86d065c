import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { roleMaySee } from '../../../shared/domain/permissions';
import { MORE_ROWS } from '../../app/more-rows';
import { useSession } from '../../auth/session';
import { Icon } from '../../ui/Icon';

/** Everything that is not a daily job, as large rows; only what the person's role may open. */
export function MoreScreen() {
  const { t } = useTranslation();
  const role = useSession()?.staff.role;
  const rows = role ? MORE_ROWS.filter((row) => roleMaySee(role, row.screen)) : [];
  return (
    <section class="screen">
      <h1>{t('nav.more')}</h1>
      <ul class="list more-list" data-testid="more-list">
        {rows.map((row) => (
          <li key={row.to}>
            <Link to={row.to} className="list-row more-row" data-testid={`nav-${row.screen}`}>
              <Icon name={row.icon} size={28} />
              <strong class="list-row-main">{t(`nav.${row.screen}`)}</strong>
              <Icon name="back" class="flip-ltr" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
