import type { Screen } from '../../shared/domain/permissions';
import type { IconName } from '../ui/Icon';

export type MorePath = '/sales' | '/cashup' | '/products' | '/stock' | '/staff' | '/activity' | '/training' | '/settings';

/** Screens reached through More, in its order: the tab bar keeps the daily jobs. */
export const MORE_ROWS: readonly { to: MorePath; screen: Screen; icon: IconName }[] = [
  { to: '/sales', screen: 'sales', icon: 'receipt' },
  { to: '/cashup', screen: 'cashup', icon: 'clipboard' },
  { to: '/products', screen: 'products', icon: 'box' },
  { to: '/stock', screen: 'stock', icon: 'layers' },
  { to: '/staff', screen: 'staff', icon: 'key' },
  { to: '/activity', screen: 'activity', icon: 'clock' },
  { to: '/training', screen: 'training', icon: 'book' },
  { to: '/settings', screen: 'settings', icon: 'gear' },
];
