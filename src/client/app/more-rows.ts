import type { Screen } from '../../shared/domain/permissions';
import type { IconName } from '../ui/Icon';

export type MorePath = '/sales' | '/products' | '/stock' | '/staff' | '/activity' | '/settings';

/** Screens reached through More, in its order: the tab bar keeps the daily jobs. */
export const MORE_ROWS: readonly { to: MorePath; screen: Screen; icon: IconName }[] = [
  { to: '/sales', screen: 'sales', icon: 'receipt' },
  { to: '/products', screen: 'products', icon: 'box' },
  { to: '/stock', screen: 'stock', icon: 'layers' },
  { to: '/staff', screen: 'staff', icon: 'key' },
  { to: '/activity', screen: 'activity', icon: 'clock' },
  { to: '/settings', screen: 'settings', icon: 'gear' },
];
