import type { RowBase } from './entities';

/** Bounds of a villager's fields: the schemas' and the forms'. */
export const CUSTOMER_LIMITS = {
  name: 40,
  village: 40,
  household: 40,
  householdSizeMax: 30,
  notes: 200,
} as const;

/**
 * A villager the centre serves (table `customers`). Without consent only a
 * display name is kept: phone, village, household and notes are '' and the
 * household size 0. A merged villager points to the survivor (`mergedInto`);
 * a deleted one keeps its name only, so old orders still read.
 */
export interface Customer extends RowBase {
  name: string;
  consent: boolean;
  /** '' or 11 digits (phone.ts). */
  phone: string;
  village: string;
  /** The household's name or its head. */
  household: string;
  /** 0: unknown. */
  householdSize: number;
  notes: string;
  mergedInto: string | null;
  deleted: boolean;
}

/** The fields consent covers: empty without it. */
export const PERSONAL_FIELDS = ['phone', 'village', 'household', 'householdSize', 'notes'] as const;

/** Personal fields cleared, as they are without consent or after deletion. */
export const NO_PERSONAL_DATA = { phone: '', village: '', household: '', householdSize: 0, notes: '' } as const;
