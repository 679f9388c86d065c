import type { Role } from './entities';
import type { MutationKind } from '../mutations/kinds';

/**
 * What each role may do: one table read by the tablet (to hide what a
 * person may not do) and by the server (to refuse it). README's "Staff and
 * roles" shows the same table.
 */

/** A clerk may write off (count down, damage, spoil) at most this many units in one adjustment. */
export const CLERK_WRITE_OFF_MAX = 5;

type Rule = boolean | ((args: unknown) => boolean);

/** A stock adjustment that is not a write-off of more than CLERK_WRITE_OFF_MAX units. */
function smallAdjustment(args: unknown): boolean {
  const delta = typeof args === 'object' && args !== null ? (args as { delta?: unknown }).delta : undefined;
  return typeof delta === 'number' && delta >= -CLERK_WRITE_OFF_MAX;
}

/** A handover against the pickup code: the phone-and-admin handover is an admin's alone. */
function handoverByCode(args: unknown): boolean {
  return typeof args === 'object' && args !== null && (args as { method?: unknown }).method === 'code';
}

/** Running sessions and adapting lessons: admins and trainers alike. */
const TRAINING: Partial<Record<MutationKind, Rule>> = {
  'training.sessionStart': true,
  'training.attend': true,
  'training.answer': true,
  'training.sessionEnd': true,
  'training.variantPhoto': true,
  'training.variantSave': true,
};

const RULES: Record<Role, Partial<Record<MutationKind, Rule>>> = {
  admin: {
    'product.create': true,
    'product.update': true,
    'stock.receive': true,
    'stock.adjust': true,
    'sale.create': true,
    'staff.create': true,
    'staff.resetPin': true,
    'staff.setRole': true,
    'staff.deactivate': true,
    'staff.adoptKey': true,
    'customer.create': true,
    'customer.update': true,
    'customer.merge': true,
    'customer.delete': true,
    'platform.create': true,
    'platform.update': true,
    'order.create': true,
    'order.transition': true,
    'parcel.log': true,
    'parcel.match': true,
    'parcel.handover': true,
    'parcel.return': true,
    'settings.update': true,
    'credit.repay': true,
    'sale.refund': true,
    'sale.void': true,
    'till.cashUp': true,
    ...TRAINING,
  },
  clerk: {
    'sale.create': true,
    'stock.receive': true,
    'stock.adjust': smallAdjustment,
    'staff.adoptKey': true,
    'customer.create': true,
    'customer.update': true,
    'order.create': true,
    'order.transition': true,
    'parcel.log': true,
    'parcel.match': true,
    'parcel.handover': handoverByCode,
    'parcel.return': true,
    'credit.repay': true,
    'sale.refund': true,
    'till.cashUp': true,
  },
  // Trainers register the villagers they teach and run their sessions; clerks do not run sessions.
  trainer: {
    'staff.adoptKey': true,
    'customer.create': true,
    ...TRAINING,
  },
};

/**
 * Whether `role` may run `kind`; `args` (already parsed) matter for some
 * kinds. Without args, a kind allowed only for some args counts as allowed:
 * the tablet asks that way to show a screen, and checks again with the args.
 */
export function roleMayRun(role: Role, kind: MutationKind, args?: unknown): boolean {
  const rule = RULES[role][kind];
  if (rule === undefined || rule === false) return false;
  if (rule === true || args === undefined) return true;
  return rule(args);
}

export const SCREENS = ['sell', 'sales', 'products', 'stock', 'settings', 'staff', 'activity', 'villagers', 'orders', 'parcels', 'training', 'cashup'] as const;
export type Screen = (typeof SCREENS)[number];

/** Products are read-only for clerks: product.create and product.update are admin-only. */
const SCREENS_OF: Record<Role, ReadonlySet<Screen>> = {
  admin: new Set(SCREENS),
  clerk: new Set<Screen>(['sell', 'sales', 'cashup', 'products', 'stock', 'settings', 'villagers', 'orders', 'parcels', 'training']),
  trainer: new Set<Screen>(['sales', 'settings', 'villagers', 'training']),
};

export function roleMaySee(role: Role, screen: Screen): boolean {
  return SCREENS_OF[role].has(screen);
}
