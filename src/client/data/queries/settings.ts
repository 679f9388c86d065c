import { useLiveQuery } from 'dexie-react-hooks';
import { CENTRE_SETTINGS_ID, settingsOf, SETTING_DEFAULTS, type SettingValues } from '../../../shared/domain/centre-settings';
import { db } from '../db';
import { getMeta } from '../meta';

/** The centre's settings in force on this tablet (the defaults until an admin saves some). */
export function useCentreSettings(): SettingValues {
  return useLiveQuery(async () => settingsOf(await db.settings.get(CENTRE_SETTINGS_ID)), []) ?? SETTING_DEFAULTS;
}

/**
 * When the server holds older closed orders and parcels than this tablet:
 * the time this tablet's history starts. Undefined when the tablet holds it all.
 */
export function useHistoryOnServerBefore(): string | undefined {
  return useLiveQuery(async () => {
    if (!(await getMeta(db, 'olderHistory'))) return undefined;
    return getMeta(db, 'historyComplete');
  }, []);
}

/** The centre's phone for receipts ('' when none is set); undefined while loading. */
export function useCentrePhone(): string | undefined {
  return useLiveQuery(async () => (await db.settings.get(CENTRE_SETTINGS_ID))?.centrePhone ?? '', []);
}
