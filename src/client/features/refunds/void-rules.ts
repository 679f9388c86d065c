import type { RefundTotals } from '../../../shared/domain/counter';
import type { Role, Sale } from '../../../shared/domain/entities';
import { roleMayRun } from '../../../shared/domain/permissions';
import { voidInTime } from '../../../shared/domain/refund-rules';
import { anythingLeft } from './refund-draft';

/** Why a sale cannot be voided now, or null when it can (the same rules sale.void runs). */
export type VoidBlock = 'voided' | 'nothingLeft' | 'notAdmin' | 'notToday' | null;

export function voidBlock(sale: Sale, totals: RefundTotals | null, role: Role | undefined, nowIso: string): VoidBlock {
  if (totals?.voided) return 'voided';
  if (!anythingLeft(sale, totals)) return 'nothingLeft';
  if (!role || !roleMayRun(role, 'sale.void')) return 'notAdmin';
  if (!voidInTime(sale, nowIso)) return 'notToday';
  return null;
}
