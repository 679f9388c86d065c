import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from '../i18n/use-translation';
import type { Role } from '../../shared/domain/entities';
import { roleMaySee } from '../../shared/domain/permissions';
import { Icon } from '../ui/Icon';
import { MORE_ROWS } from './more-rows';
import { TABS } from './tabs';


/** Which tab the open screen belongs to, where the tabs' own links cannot tell: More's screens, and a receipt just sold. */
type OwnTab = 'sell' | 'more' | null;

/**
 * The screens More lists count as More: its tab stays lit while one of them
 * is open. The receipt the sell screen has just shown (`from: 'sell'`) is
 * the sale's last step, so Sell stays lit; the same receipt opened from the
 * day's sales is More's.
 */
function ownTab(routeId: string | undefined, pathname: string, search: Record<string, unknown>): OwnTab {
  if (routeId === '/sales/$saleId' && search['from'] === 'sell') return 'sell';
  if (pathname === '/more' || MORE_ROWS.some((row) => pathname === row.to || pathname.startsWith(`${row.to}/`))) return 'more';
  return null;
}

/**
 * Bottom tab bar: the four daily jobs and More, big targets with an icon and
 * a word; only the screens the person's role may open. The rest sit on More.
 */
export function NavBar({ role }: { role: Role }) {
  const { t } = useTranslation();
  // The tabs' links light themselves; the bar itself redraws only when the tab owning the screen changes.
  const own = useRouterState({
    select: (s) => ownTab(s.matches.at(-1)?.routeId, s.location.pathname, s.location.search as Record<string, unknown>),
  });
  const moreActive = own === 'more';
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      {TABS.filter((tab) => roleMaySee(role, tab.screen)).map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className={own === tab.screen ? 'tab tab-active' : 'tab'}
          aria-current={own === tab.screen ? 'page' : undefined}
          activeProps={{ className: 'tab-active', 'aria-current': 'page' }}
          activeOptions={{ exact: tab.exact, includeSearch: false }}
          data-testid={`nav-${tab.screen}`}
        >
          <Icon name={tab.icon} size={28} />
          <span>{t(`nav.${tab.screen}`)}</span>
        </Link>
      ))}
      <Link
        to="/more"
        className={moreActive ? 'tab tab-active' : 'tab'}
        aria-current={moreActive ? 'page' : undefined}
        data-testid="nav-more"
      >
        <Icon name="menu" size={28} />
        <span>{t('nav.more')}</span>
      </Link>
    </nav>
  );
}
