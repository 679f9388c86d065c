import type { Screen } from '../../shared/domain/permissions';
import type { IconName } from '../ui/Icon';

/** The tab bar's four daily jobs (More is the fifth tab, apart: it lists the rest). */
export const TABS: readonly { to: '/' | '/orders' | '/parcels' | '/villagers'; screen: Screen; icon: IconName; exact: boolean }[] = [
  { to: '/', screen: 'sell', icon: 'cart', exact: true },
  { to: '/orders', screen: 'orders', icon: 'clipboard', exact: false },
  { to: '/parcels', screen: 'parcels', icon: 'parcel', exact: false },
  { to: '/villagers', screen: 'villagers', icon: 'users', exact: false },
];
