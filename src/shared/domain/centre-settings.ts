import type { RowBase } from './entities';

/** The values an admin sets for the centre; every tablet of the centre uses them. */
export interface SettingValues {
  /** Closed orders and parcels of this many past months stay on the tablets (history-scope.ts). */
  historyMonths: number;
  /** An order placed this many days ago and still not shipped is flagged. */
  notShippedDays: number;
  /** An order arrived this many days ago and still not collected is flagged. */
  notCollectedDays: number;
  /** A parcel waiting this many days is due to go back to the county. */
  returnAfterDays: number;
  /** What a villager may owe on credit before a sale on credit needs an admin's PIN, in fen. */
  creditLimitFen: number;
}

/** The centre's settings row: one per centre, absent until an admin first saves. */
export interface CentreSettings extends RowBase, SettingValues {
  /** The phone printed on receipts (absent or '' until an admin sets one). */
  centrePhone?: string;
}

/** A phone as villagers read it: digits, spaces, dashes, brackets and a leading +. */
export const CENTRE_PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{0,19}$|^$/;
export const CENTRE_PHONE_MAX = 20;

/** A phone as typed (full-width digits too), trimmed; null when it is not one. '' clears it. */
export function parseCentrePhone(text: string): string | null {
  const phone = text.normalize('NFKC').trim();
  return phone.length <= CENTRE_PHONE_MAX && CENTRE_PHONE_PATTERN.test(phone) ? phone : null;
}

/**
 * The settings row's id, the same in every centre: rows are always read
 * within one centre (on the server by centre, on a tablet that holds one),
 * so a mutation can name the row without knowing its centre.
 */
export const CENTRE_SETTINGS_ID = '00000000-0000-4000-8000-000000000001';

export type SettingName = keyof SettingValues;
export const SETTING_NAMES: readonly SettingName[] = ['historyMonths', 'notShippedDays', 'notCollectedDays', 'returnAfterDays', 'creditLimitFen'];

export const SETTING_DEFAULTS: Readonly<SettingValues> = {
  historyMonths: 12,
  notShippedDays: 5,
  notCollectedDays: 3,
  returnAfterDays: 7,
  creditLimitFen: 50_000,
};

/** What an admin may choose: whole numbers within these bounds. */
export const SETTING_RANGES: Readonly<Record<SettingName, { min: number; max: number }>> = {
  historyMonths: { min: 1, max: 60 },
  notShippedDays: { min: 1, max: 90 },
  notCollectedDays: { min: 1, max: 90 },
  returnAfterDays: { min: 1, max: 90 },
  creditLimitFen: { min: 0, max: 10_000_000 },
};

/** The values in force: the row's, or the defaults before an admin saved any. */
export function settingsOf(row: Partial<SettingValues> | undefined): SettingValues {
  const values = { ...SETTING_DEFAULTS };
  if (!row) return values;
  for (const name of SETTING_NAMES) {
    const value = row[name];
    const { min, max } = SETTING_RANGES[name];
    if (Number.isInteger(value) && value! >= min && value! <= max) values[name] = value!;
  }
  return values;
}
