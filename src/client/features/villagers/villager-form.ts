import { isMainlandMobile } from '../../../shared/domain/phone';
import { CUSTOMER_LIMITS, type Customer } from '../../../shared/domain/villagers';
import type { VillagerInput } from '../../data/commands/customer-create';

/** What the person typed, exactly as in the inputs. */
export interface VillagerDraft {
  name: string;
  consent: boolean;
  phone: string;
  village: string;
  household: string;
  householdSize: string;
  notes: string;
}

export type VillagerTextField = Exclude<keyof VillagerDraft, 'consent'>;
/** Field -> i18n key of the message shown under it. */
export type VillagerErrors = { [F in VillagerTextField]?: string | undefined };

export function emptyVillagerDraft(): VillagerDraft {
  return { name: '', consent: false, phone: '', village: '', household: '', householdSize: '', notes: '' };
}

export function draftFromCustomer(c: Customer): VillagerDraft {
  return {
    name: c.name,
    consent: c.consent,
    phone: c.phone,
    village: c.village,
    household: c.household,
    householdSize: c.householdSize > 0 ? String(c.householdSize) : '',
    notes: c.notes,
  };
}

/** A household size as typed: '' is unknown (0); else a whole number 0–30, ASCII or full-width digits. */
function parseHouseholdSize(text: string): number | null {
  const digits = text.normalize('NFKC').trim();
  if (digits === '') return 0;
  if (!/^\d{1,2}$/.test(digits)) return null;
  const n = Number(digits);
  return n <= CUSTOMER_LIMITS.householdSizeMax ? n : null;
}

/**
 * Checks a draft the way the schema will, with messages a person
 * understands. Without consent only the name is checked and kept.
 */
export function validateVillagerDraft(draft: VillagerDraft): { ok: true; input: VillagerInput } | { ok: false; errors: VillagerErrors } {
  const errors: VillagerErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'villagers.errors.nameRequired';
  else if (name.length > CUSTOMER_LIMITS.name) errors.name = 'villagers.errors.tooLong';
  if (!draft.consent) {
    if (errors.name) return { ok: false, errors };
    return { ok: true, input: { name, consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '' } };
  }
  const phone = draft.phone.trim();
  if (phone !== '' && !isMainlandMobile(phone)) errors.phone = 'villagers.errors.phoneInvalid';
  if (draft.village.trim().length > CUSTOMER_LIMITS.village) errors.village = 'villagers.errors.tooLong';
  if (draft.household.trim().length > CUSTOMER_LIMITS.household) errors.household = 'villagers.errors.tooLong';
  const householdSize = parseHouseholdSize(draft.householdSize);
  if (householdSize === null) errors.householdSize = 'villagers.errors.householdSizeInvalid';
  if (draft.notes.trim().length > CUSTOMER_LIMITS.notes) errors.notes = 'villagers.errors.notesTooLong';
  if (Object.keys(errors).length > 0 || householdSize === null) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      consent: true,
      phone,
      village: draft.village.trim(),
      household: draft.household.trim(),
      householdSize,
      notes: draft.notes.trim(),
    },
  };
}

const FIELDS: readonly VillagerTextField[] = ['name', 'phone', 'village', 'household', 'householdSize', 'notes'];

/** The draft field showing a customer.create or customer.update args path (`phone`, `patch.phone`), if any. */
export function villagerFieldOf(path: string | undefined): VillagerTextField | undefined {
  const name = path?.replace(/^patch\./, '');
  return FIELDS.find((f) => f === name);
}
