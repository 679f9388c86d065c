import type { TFunction } from 'i18next';
import type { TabletName } from './tablet-names';

/** "This tablet (Counter, B)", "Tablet B", or "Tablet …a3f2" when nothing better is known. */
export function tabletLabel(t: TFunction, name: TabletName | null): string {
  if (name === null) return t('activity.noTablet');
  switch (name.kind) {
    case 'this':
      return name.letters === undefined
        ? t('activity.thisTablet', { name: name.name })
        : t('activity.thisTabletLettered', { name: name.name, letters: name.letters });
    case 'letters':
      return t('activity.tablet', { letters: name.letters });
    case 'server':
      return t('activity.serverTablet');
    case 'unknown':
      return t('activity.tabletUnknown', { short: name.short });
  }
}
