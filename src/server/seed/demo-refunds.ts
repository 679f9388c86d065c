import type { AnyRow, Sale, TableName } from '../../shared/domain/entities';
import { SERVER_DEVICE_ID, uuidv7 } from '../../shared/domain/ids';
import { decideRefund } from '../../shared/mutations/counter/refund-decide';

const DAY_MS = 86_400_000;

type Row = { table: TableName; row: AnyRow };

/** The demo refund: of which seeded sale (its receipt number), which line and how many, why, how long ago. */
const DEMO_REFUND = { receiptNo: 'S-0002', lineIndex: 0, qty: 1, reason: '一包挂面包装破了，退回', daysAgo: 3.5, staff: 1 } as const;

/**
 * One partial refund in the demo centre, so a seeded sale's receipt shows
 * what came back: a pack of dried noodles from a credit sale, returned to
 * the shelf and taken off the villager's balance. Made by the rule a tablet
 * runs (decideRefund), so its rows are the ones a real refund writes.
 */
export function demoRefundRows(centreId: string, staff: readonly [string, string, string], seeded: readonly Row[], now: string): Row[] {
  const sale = seeded.map((r) => r.row).find((r): r is Sale => 'receiptNo' in r && 'lines' in r && r.receiptNo === DEMO_REFUND.receiptNo);
  if (!sale) return [];
  const receipts = seeded.map((r) => r.row).filter((r) => 'receiptNo' in r && String(r.receiptNo).startsWith('S-')).length;
  const when = new Date(Date.parse(now) - Math.round(DEMO_REFUND.daysAgo * DAY_MS)).toISOString();
  const decision = decideRefund(
    {
      refundId: uuidv7(),
      saleId: sale.id,
      receiptNo: `S-${String(receipts + 1).padStart(4, '0')}`,
      lines: [{ lineIndex: DEMO_REFUND.lineIndex, qty: DEMO_REFUND.qty }],
      reason: DEMO_REFUND.reason,
      voided: false,
    },
    { get: (table, id) => (table === 'sales' && id === sale.id ? sale : undefined) as never },
    { mutationId: uuidv7(), centreId, staffId: staff[DEMO_REFUND.staff], deviceId: SERVER_DEVICE_ID, now: when },
  );
  return decision.ok ? decision.changes.map((c) => ({ table: c.table, row: c.row })) : [];
}
