import * as v from 'valibot';
import { RefusalCode } from '../domain/refusals';
import { roleMayRun } from '../domain/permissions';
import { APPLIED_WHEN_INACTIVE, isMutationKind, type MutationKind } from './kinds';
import { productCreate } from './product-create';
import { productUpdate } from './product-update';
import { saleCreate } from './sale-create';
import { stockAdjust } from './stock-adjust';
import { stockReceive } from './stock-receive';
import { staffAdoptKey } from './staff/staff-adopt-key';
import { staffCreate } from './staff/staff-create';
import { staffDeactivate } from './staff/staff-deactivate';
import { staffResetPin } from './staff/staff-reset-pin';
import { staffSetRole } from './staff/staff-set-role';
import { customerCreate } from './customers/customer-create';
import { customerDelete } from './customers/customer-delete';
import { customerMerge } from './customers/customer-merge';
import { customerUpdate } from './customers/customer-update';
import { orderCreate } from './orders/order-create';
import { orderTransition } from './orders/order-transition';
import { platformCreate } from './orders/platform-create';
import { platformUpdate } from './orders/platform-update';
import { parcelHandover } from './parcels/parcel-handover';
import { parcelLog } from './parcels/parcel-log';
import { parcelMatch } from './parcels/parcel-match';
import { parcelReturn } from './parcels/parcel-return';
import { settingsUpdate } from './settings/settings-update';
import { creditRepay } from './counter/credit-repay';
import { saleRefund } from './counter/sale-refund';
import { saleVoid } from './counter/sale-void';
import { tillCashUp } from './counter/till-cash-up';
import { trainingSessionStart } from './training/session-start';
import { trainingAttend } from './training/session-attend';
import { trainingAnswer } from './training/quiz-answer';
import { trainingSessionEnd } from './training/session-end';
import { trainingVariantPhoto } from './training/variant-photo';
import { trainingVariantSave } from './training/variant-save';
import type { TableName } from '../domain/entities';
import { refuse, type Decision, type MutationContext, type MutationDef, type ReadState, type RowKey } from './types';

// Each definition is typed by its own args; the registry forgets them on purpose.
const MUTATIONS: Record<MutationKind, MutationDef<any>> = {
  'product.create': productCreate,
  'product.update': productUpdate,
  'stock.receive': stockReceive,
  'stock.adjust': stockAdjust,
  'sale.create': saleCreate,
  'staff.create': staffCreate,
  'staff.resetPin': staffResetPin,
  'staff.setRole': staffSetRole,
  'staff.deactivate': staffDeactivate,
  'staff.adoptKey': staffAdoptKey,
  'customer.create': customerCreate,
  'customer.update': customerUpdate,
  'customer.merge': customerMerge,
  'customer.delete': customerDelete,
  'platform.create': platformCreate,
  'platform.update': platformUpdate,
  'order.create': orderCreate,
  'order.transition': orderTransition,
  'parcel.log': parcelLog,
  'parcel.match': parcelMatch,
  'parcel.handover': parcelHandover,
  'parcel.return': parcelReturn,
  'settings.update': settingsUpdate,
  'credit.repay': creditRepay,
  'sale.refund': saleRefund,
  'sale.void': saleVoid,
  'till.cashUp': tillCashUp,
  'training.sessionStart': trainingSessionStart,
  'training.attend': trainingAttend,
  'training.answer': trainingAnswer,
  'training.sessionEnd': trainingSessionEnd,
  'training.variantPhoto': trainingVariantPhoto,
  'training.variantSave': trainingVariantSave,
};

/** Tables whose every row of the centre the kind reads (ReadState.all). */
export function tablesReadWhole(kind: MutationKind): readonly TableName[] {
  return MUTATIONS[kind].readsAll ?? [];
}

/**
 * A mutation checked for what needs no rows (known kind, valid args), with
 * its args parsed once and the rows `decideMutation` will read. A mutation
 * already refused here still reads nothing and decides to its refusal.
 */
export type PreparedMutation =
  | { valid: true; kind: MutationKind; args: unknown; reads: RowKey[] }
  | { valid: false; refusal: Decision; reads: RowKey[] };

/**
 * Parses the args once (or takes them as they are when the kind's quick
 * check accepts them); `reads` lists the staff member, then what the kind reads.
 */
export function prepareMutation(kind: string, args: unknown, staffId: string, now: string): PreparedMutation {
  const who = { staffId, now };
  if (!isMutationKind(kind)) return { valid: false, refusal: refuse(RefusalCode.unknownKind, kind.slice(0, 64)), reads: [] };
  const def = MUTATIONS[kind];
  if (def.accepts?.(args)) return { valid: true, kind, args, reads: [{ table: 'staff', id: staffId }, ...def.reads(args, who)] };
  const parsed = v.safeParse(def.schema, args);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const detail = `${v.getDotPath(issue) ?? ''}: ${issue.message}`.slice(0, 200);
    return { valid: false, refusal: refuse(RefusalCode.invalidArgs, detail), reads: [] };
  }
  return { valid: true, kind, args: parsed.output, reads: [{ table: 'staff', id: staffId }, ...def.reads(parsed.output, who)] };
}

/**
 * The rows a prepared mutation reads through the rows `reads` found (a
 * parcel's order): load them after those, before deciding.
 */
export function followReads(prepared: PreparedMutation, state: ReadState): RowKey[] {
  if (!prepared.valid) return [];
  return MUTATIONS[prepared.kind].readsAfter?.(prepared.args, state) ?? [];
}

/**
 * Decides a prepared mutation on the rows it reads. Checks run in this
 * order: known kind, valid args (both in `prepareMutation`), then on the
 * server the staff member's proof, then a staff member of this centre who
 * is active (a sale by someone deactivated since still applies), a role
 * that may run it with these args, then the kind's own rules.
 */
export function decideMutation(prepared: PreparedMutation, state: ReadState, ctx: MutationContext): Decision {
  if (!prepared.valid) return prepared.refusal;
  const staff = state.get('staff', ctx.staffId);
  if (!staff || staff.centreId !== ctx.centreId) return refuse(RefusalCode.unknownStaff);
  if (!staff.active && !APPLIED_WHEN_INACTIVE.includes(prepared.kind)) return refuse(RefusalCode.unknownStaff);
  if (!roleMayRun(staff.role, prepared.kind, prepared.args)) return refuse(RefusalCode.notPermitted);
  return MUTATIONS[prepared.kind].decide(prepared.args, state, ctx);
}
