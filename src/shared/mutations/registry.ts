import * as v from 'valibot';
import { RefusalCode } from '../domain/refusals';
import { roleMayRun } from '../domain/permissions';
import { isMutationKind, type MutationKind } from './kinds';
import { productCreate } from './product-create';
import { productUpdate } from './product-update';
import { saleCreate } from './sale-create';
import { stockAdjust } from './stock-adjust';
import { stockReceive } from './stock-receive';
import { refuse, type Decision, type MutationContext, type MutationDef, type ReadState, type RowKey } from './types';

// Each definition is typed by its own args; the registry forgets them on purpose.
const MUTATIONS: Record<MutationKind, MutationDef<any>> = {
  'product.create': productCreate,
  'product.update': productUpdate,
  'stock.receive': stockReceive,
  'stock.adjust': stockAdjust,
  'sale.create': saleCreate,
};

/** The rows to load before `runMutation`: the staff member, then what the kind reads. */
export function readsOf(kind: string, args: unknown, staffId: string): RowKey[] {
  const keys: RowKey[] = [{ table: 'staff', id: staffId }];
  if (!isMutationKind(kind)) return keys;
  const parsed = v.safeParse(MUTATIONS[kind].schema, args);
  return parsed.success ? keys.concat(MUTATIONS[kind].reads(parsed.output)) : keys;
}

/**
 * Validates and decides one mutation. Checks run in this order: known kind,
 * valid args, a staff member of this centre, a role that may run it, then the
 * kind's own rules.
 */
export function runMutation(kind: string, args: unknown, state: ReadState, ctx: MutationContext): Decision {
  if (!isMutationKind(kind)) return refuse(RefusalCode.unknownKind, kind.slice(0, 64));
  const def = MUTATIONS[kind];
  const parsed = v.safeParse(def.schema, args);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return refuse(RefusalCode.invalidArgs, `${v.getDotPath(issue) ?? ''}: ${issue.message}`.slice(0, 200));
  }
  const staff = state.get('staff', ctx.staffId);
  if (!staff || !staff.active || staff.centreId !== ctx.centreId) return refuse(RefusalCode.unknownStaff);
  if (!roleMayRun(staff.role, kind)) return refuse(RefusalCode.notPermitted);
  return def.decide(parsed.output, state, ctx);
}
