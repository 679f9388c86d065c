import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../ui/Icon';

const TABS: readonly { to: '/' | '/sales' | '/products' | '/stock' | '/settings'; icon: IconName; label: string; exact: boolean }[] = [
  { to: '/', icon: 'cart', label: 'nav.sell', exact: true },
  { to: '/sales', icon: 'receipt', label: 'nav.sales', exact: false },
  { to: '/products', icon: 'box', label: 'nav.products', exact: false },
  { to: '/stock', icon: 'layers', label: 'nav.stock', exact: false },
  { to: '/settings', icon: 'gear', label: 'nav.settings', exact: false },
];

/** Bottom tab bar: big targets, an icon and a word on each. */
export function NavBar() {
  const { t } = useTranslation();
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      {TABS.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className="tab"
          activeProps={{ className: 'tab-active', 'aria-current': 'page' }}
          activeOptions={{ exact: tab.exact, includeSearch: false }}
          data-testid={`nav-${tab.label.slice(4)}`}
        >
          <Icon name={tab.icon} size={28} />
          <span>{t(tab.label)}</span>
        </Link>
      ))}
    </nav>
  );
}
