import type { Role } from './entities';
import type { MutationKind } from '../mutations/kinds';

/**
 * Which role may run which mutation: one table read by the tablet (to hide
 * what a person may not do) and by the server (to refuse it).
 */
const ALLOWED: Record<Role, ReadonlySet<MutationKind>> = {
  admin: new Set<MutationKind>(['product.create', 'product.update', 'stock.receive', 'stock.adjust', 'sale.create']),
  clerk: new Set<MutationKind>(['product.create', 'product.update', 'stock.receive', 'stock.adjust', 'sale.create']),
  trainer: new Set<MutationKind>([]),
};

export function roleMayRun(role: Role, kind: MutationKind): boolean {
  return ALLOWED[role].has(kind);
}
