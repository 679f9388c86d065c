import { isPlainArray, isQuickFen, isQuickLocalizedName, isQuickQuantity, isQuickShortText, isQuickUuid, isRecordWithKeys, type KeySpec } from './quick-fields';
import type { SaleCreateArgs } from './sale-create';

// Keys only in the schema's order: the lines are spread into the stored sale
// row, so its JSON stays exactly what valibot's output would give.
const ARGS_KEYS: KeySpec = { keys: ['saleId', 'receiptNo', 'lines', 'tenderedFen'], optional: [], inOrder: true };
const LINE_KEYS: KeySpec = { keys: ['productId', 'names', 'unit', 'unitNames', 'unitPriceFen', 'qty'], optional: ['unitNames'], inOrder: true };

function isQuickLine(value: unknown): boolean {
  return (
    isRecordWithKeys(value, LINE_KEYS) &&
    isQuickUuid(value.productId) &&
    isQuickLocalizedName(value.names) &&
    isQuickShortText(value.unit, 20) &&
    (value.unitNames === undefined || isQuickLocalizedName(value.unitNames, 20)) &&
    isQuickFen(value.unitPriceFen) &&
    isQuickQuantity(value.qty)
  );
}

/**
 * True only when the `sale.create` schema accepts `args` and outputs them
 * unchanged (same keys in the same order, no text trimmed), so they can be
 * used as they are. A no means nothing: the schema then decides and explains.
 */
export function quickAcceptSaleCreate(args: unknown): args is SaleCreateArgs {
  if (!isRecordWithKeys(args, ARGS_KEYS)) return false;
  const { lines } = args;
  if (!isPlainArray(lines) || lines.length < 1 || lines.length > 200) return false;
  for (let i = 0; i < lines.length; i++) if (!isQuickLine(lines[i])) return false;
  return isQuickUuid(args.saleId) && isQuickShortText(args.receiptNo, 24) && isQuickFen(args.tenderedFen);
}
