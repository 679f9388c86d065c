import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/domain/entities';
import { roleMaySee, type Screen } from '../../shared/domain/permissions';
import { Icon, type IconName } from '../ui/Icon';

const TABS: readonly { to: '/' | '/sales' | '/products' | '/stock' | '/staff' | '/settings'; screen: Screen; icon: IconName; exact: boolean }[] = [
  { to: '/', screen: 'sell', icon: 'cart', exact: true },
  { to: '/sales', screen: 'sales', icon: 'receipt', exact: false },
  { to: '/products', screen: 'products', icon: 'box', exact: false },
  { to: '/stock', screen: 'stock', icon: 'layers', exact: false },
  { to: '/staff', screen: 'staff', icon: 'key', exact: false },
  { to: '/settings', screen: 'settings', icon: 'gear', exact: false },
];

/** Bottom tab bar: big targets, an icon and a word on each; only the screens the person's role may open. */
export function NavBar({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      {TABS.filter((tab) => roleMaySee(role, tab.screen)).map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className="tab"
          activeProps={{ className: 'tab-active', 'aria-current': 'page' }}
          activeOptions={{ exact: tab.exact, includeSearch: false }}
          data-testid={`nav-${tab.screen}`}
        >
          <Icon name={tab.icon} size={28} />
          <span>{t(`nav.${tab.screen}`)}</span>
        </Link>
      ))}
    </nav>
  );
}
