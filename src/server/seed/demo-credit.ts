import { creditEntryIdFor, type CreditEntry, type Repayment } from '../../shared/domain/counter';
import type { AnyRow, Product, Sale, TableName } from '../../shared/domain/entities';
import { SERVER_DEVICE_ID, uuidv7 } from '../../shared/domain/ids';
import type { Customer } from '../../shared/domain/villagers';

const DAY_MS = 86_400_000;

type Row = { table: TableName; row: AnyRow };

/** A credit sale: which villager (index among those with consent), which products (by SKU) and how many, how long ago. */
const CREDIT_SALES: readonly { villager: number; lines: [sku: string, qty: number][]; daysAgo: number; staff: 0 | 1 | 2 }[] = [
  { villager: 0, lines: [['RICE-10KG', 2], ['FLOUR-5KG', 1]], daysAgo: 12.3, staff: 1 },
  { villager: 0, lines: [['NOODLE-DRY', 4]], daysAgo: 4.1, staff: 2 },
  { villager: 3, lines: [['RICE-5KG', 3]], daysAgo: 9.6, staff: 1 },
  { villager: 5, lines: [['RICE-10KG', 4], ['FLOUR-5KG', 4], ['NOODLE-DRY', 10], ['OIL-5L', 2]], daysAgo: 6.2, staff: 0 },
];

/** Repayments, by WeChat Pay: who, how much, how long ago. */
const REPAYMENTS: readonly { villager: number; amountFen: number; daysAgo: number; staff: 0 | 1 | 2 }[] = [
  { villager: 0, amountFen: 10_000, daysAgo: 2.4, staff: 1 },
  { villager: 3, amountFen: 11_970, daysAgo: 1.2, staff: 2 },
];

/**
 * The demo centre's credit ledger (赊账): villagers who bought on credit and
 * paid some back by mobile payment, so their pages show a balance, one
 * paid off and one over the centre's default limit. No cash changes hands,
 * so the tills stay as the day's counter sales leave them.
 */
export function demoCreditRows(
  centreId: string,
  staff: readonly [string, string, string],
  products: readonly Product[],
  customers: readonly Customer[],
  now: string,
): Row[] {
  const nowMs = Date.parse(now);
  const at = (daysAgo: number) => new Date(nowMs - Math.round(daysAgo * DAY_MS)).toISOString();
  const withConsent = customers.filter((c) => c.consent);
  const rows: Row[] = [];
  let receipt = 0;
  const entry = (customerId: string, deltaFen: number, source: CreditEntry['source'], refId: string, when: string, by: string): Row => ({
    table: 'creditEntries',
    row: { id: creditEntryIdFor(refId), centreId, createdAt: when, updatedAt: when, createdBy: by, customerId, deltaFen, source, refId, deviceId: SERVER_DEVICE_ID },
  });
  for (const spec of CREDIT_SALES) {
    const customer = withConsent[spec.villager]!;
    const when = at(spec.daysAgo);
    const by = staff[spec.staff];
    const lines = spec.lines.map(([sku, qty]) => {
      const p = products.find((x) => x.sku === sku)!;
      return { productId: p.id, names: p.names, unit: p.unit, unitPriceFen: p.priceFen, qty, lineTotalFen: p.priceFen * qty };
    });
    const totalFen = lines.reduce((sum, l) => sum + l.lineTotalFen, 0);
    const sale: Sale = {
      id: uuidv7(), centreId, createdAt: when, updatedAt: when, createdBy: by, receiptNo: `S-${String(++receipt).padStart(4, '0')}`,
      lines, totalFen, tenderedFen: 0, changeFen: 0, payment: 'credit', channel: 'counter', deviceId: SERVER_DEVICE_ID,
      payments: [{ means: 'credit', amountFen: totalFen }], customerId: customer.id,
    };
    rows.push({ table: 'sales', row: sale }, entry(customer.id, totalFen, 'sale', sale.id, when, by));
  }
  for (const spec of REPAYMENTS) {
    const customer = withConsent[spec.villager]!;
    const when = at(spec.daysAgo);
    const by = staff[spec.staff];
    const repayment: Repayment = {
      id: uuidv7(), centreId, createdAt: when, updatedAt: when, createdBy: by, customerId: customer.id, receiptNo: `S-${String(++receipt).padStart(4, '0')}`,
      amountFen: spec.amountFen, payments: [{ means: 'wechat', amountFen: spec.amountFen, reference: `42000026${String(nowMs).slice(-10)}${String(receipt).padStart(10, '0')}` }],
      tenderedFen: 0, changeFen: 0, deviceId: SERVER_DEVICE_ID,
    };
    rows.push({ table: 'repayments', row: repayment }, entry(customer.id, -spec.amountFen, 'repayment', repayment.id, when, by));
  }
  return rows;
}
