/** Every mutation kind that exists. Each has one file in this folder or in the folder of its domain (staff/, customers/…). */
export const MUTATION_KINDS = [
  'product.create',
  'product.update',
  'stock.receive',
  'stock.adjust',
  'sale.create',
  'staff.create',
  'staff.resetPin',
  'staff.setRole',
  'staff.deactivate',
  'staff.adoptKey',
  'customer.create',
  'customer.update',
  'customer.merge',
  'customer.delete',
  'platform.create',
  'platform.update',
  'order.create',
  'order.transition',
  'parcel.log',
  'parcel.match',
  'parcel.handover',
  'parcel.return',
  'settings.update',
  'credit.repay',
  'sale.refund',
  'sale.void',
  'till.cashUp',
  'training.sessionStart',
  'training.attend',
  'training.answer',
  'training.sessionEnd',
  'training.variantPhoto',
  'training.variantSave',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export function isMutationKind(value: string): value is MutationKind {
  return (MUTATION_KINDS as readonly string[]).includes(value);
}

/** Kinds whose proof key comes in the mutation itself (the legacy key adoption). */
export const SELF_KEYED_KINDS: readonly MutationKind[] = ['staff.adoptKey'];

/** Kinds that bring a new secret sealed under the signing admin's key. */
export const SEALED_KEY_KINDS: readonly MutationKind[] = ['staff.create', 'staff.resetPin'];

/**
 * Kinds applied even when their staff member was deactivated before the
 * server saw them: a villager paid for the sale. The server flags them.
 */
export const APPLIED_WHEN_INACTIVE: readonly MutationKind[] = ['sale.create'];
