import * as v from 'valibot';
import { normalisePhone } from '../../domain/phone';
import { CUSTOMER_LIMITS, type Customer } from '../../domain/villagers';
import { shortText, storableText } from '../fields';
import type { MutationContext, ReadState } from '../types';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Field schemas of a villager; the phone is stored normalised (phone.ts). */
export const customerFields = {
  name: v.pipe(storableText, v.trim(), v.minLength(1), v.maxLength(CUSTOMER_LIMITS.name)),
  consent: v.boolean(),
  phone: v.pipe(
    storableText,
    v.maxLength(40),
    v.transform(normalisePhone),
    v.check((phone) => phone === '' || MAINLAND_MOBILE.test(phone), 'not a mainland mobile number'),
  ),
  village: shortText(CUSTOMER_LIMITS.village),
  household: shortText(CUSTOMER_LIMITS.household),
  householdSize: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(CUSTOMER_LIMITS.householdSizeMax)),
  notes: shortText(CUSTOMER_LIMITS.notes),
};

type PersonalFields = { [K in 'phone' | 'village' | 'household' | 'householdSize' | 'notes']?: Customer[K] | undefined };

/** True when none of the personal fields given holds anything: what a villager without consent may have. */
export function noPersonalData(fields: PersonalFields): boolean {
  return !fields.phone && !fields.village && !fields.household && !fields.householdSize && !fields.notes;
}

export const CONSENT_MESSAGE = 'without consent only a name is kept';

/** A villager of this centre, deleted and merged ones included. */
export function customerOfCentre(state: ReadState, id: string, ctx: MutationContext): Customer | undefined {
  const customer = state.get('customers', id);
  return customer?.centreId === ctx.centreId ? customer : undefined;
}

/** A villager of this centre who may still be changed: neither deleted nor merged into another. */
export function liveCustomer(state: ReadState, id: string, ctx: MutationContext): Customer | undefined {
  const customer = customerOfCentre(state, id, ctx);
  return customer && !customer.deleted && customer.mergedInto === null ? customer : undefined;
}

/**
 * The id an order or parcel for villager `id` is written with: the
 * survivor's when they were merged (one step; readers follow the rest with
 * resolveCustomer). Undefined for an unknown or deleted villager.
 */
export function customerIdForRef(state: ReadState, id: string, ctx: MutationContext): string | undefined {
  const customer = customerOfCentre(state, id, ctx);
  if (!customer || customer.deleted) return undefined;
  return customer.mergedInto ?? customer.id;
}
