import type { Fen } from '../../../shared/domain/money';

/** An admin's yes to one villager owing up to `creditFen` more on this sale. */
export interface CreditApproval {
  adminId: string;
  customerId: string;
  creditFen: Fen;
}

/** Whether `approval` covers `creditFen` on credit to `customerId`. */
export function approvalCovers(approval: CreditApproval | null, customerId: string | null, creditFen: Fen): boolean {
  return approval !== null && approval.customerId === customerId && creditFen <= approval.creditFen;
}
