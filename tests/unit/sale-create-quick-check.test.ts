import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { prepareMutation } from '../../src/shared/mutations/registry';
import { saleCreate } from '../../src/shared/mutations/sale-create';
import { quickAcceptSaleCreate } from '../../src/shared/mutations/sale-create-quick-check';
import { answersOnEdited, entriesDeep, saleArgsArb, unstorableText } from './support/quick-check-inputs';
import { businessDayOf, tillIdFor } from '../../src/shared/domain/counter';

/**
 * The quick check for sale.create args may say no to odd but valid args; it
 * must never say yes to args the schema refuses or would change (trimmed
 * text, reordered keys), because then they are used as they are.
 */

function expectSchemaKeepsAsIs(args: unknown): void {
  const parsed = v.safeParse(saleCreate.schema, args);
  expect(parsed.success).toBe(true);
  expect(parsed.output).toStrictEqual(args);
  expect(entriesDeep(parsed.output)).toStrictEqual(entriesDeep(args));
}

const staffId = '0190a1b2-0000-7000-8000-000000000001';

function tabletSale() {
  return {
    saleId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    receiptNo: 'A-0001',
    lines: [
      { productId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c', names: { 'zh-CN': '酱油', en: 'Soy sauce', ug: 'سويا قايلىسى' }, unit: '瓶', unitPriceFen: 850, qty: 2 },
      { productId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d', names: { 'zh-CN': '大米 5kg' }, unit: '袋', unitPriceFen: 4200, qty: 1 },
    ],
    tenderedFen: 6000,
  };
}

// Property runs of thousands of inputs: seconds on a busy two-core machine.
describe('sale.create quick check', { timeout: 30_000 }, () => {
  it('accepts a sale as the tablet builds it, and the args are used as they are', () => {
    const args = tabletSale();
    expect(quickAcceptSaleCreate(args)).toBe(true);
    expectSchemaKeepsAsIs(args);
    const now = new Date().toISOString();
    const prepared = prepareMutation('sale.create', args, staffId, now);
    expect(prepared.valid && prepared.args).toBe(args);
    expect(prepared.reads).toEqual([
      { table: 'staff', id: staffId },
      { table: 'sales', id: args.saleId },
      { table: 'tills', id: tillIdFor(staffId, businessDayOf(now)) },
      { table: 'products', id: args.lines[0]!.productId },
      { table: 'products', id: args.lines[1]!.productId },
    ]);
  });

  it('leaves a receipt number with spaces around it to the schema, which trims it', () => {
    const args = { ...tabletSale(), receiptNo: ' A-0001 ' };
    expect(quickAcceptSaleCreate(args)).toBe(false);
    const prepared = prepareMutation('sale.create', args, staffId, new Date().toISOString());
    expect(prepared.valid && (prepared.args as { receiptNo: string }).receiptNo).toBe('A-0001');
  });

  it('leaves a line with its keys in another order to the schema, which puts them in order', () => {
    const sale = tabletSale();
    const { qty, ...rest } = sale.lines[0]!;
    const args = { ...sale, lines: [{ qty, ...rest }] };
    expect(quickAcceptSaleCreate(args)).toBe(false);
    const prepared = prepareMutation('sale.create', args, staffId, new Date().toISOString());
    expect(prepared.valid && Object.keys((prepared.args as typeof sale).lines[0]!)).toEqual(['productId', 'names', 'unit', 'unitPriceFen', 'qty']);
  });

  it('says no to invalid args, which are refused with the same explanation as before', () => {
    const sale = tabletSale();
    const cases: [unknown, string][] = [
      [{ ...sale, lines: [{ ...sale.lines[0]!, qty: 0 }] }, 'lines.0.qty: Invalid value: Expected >=0.001 but received 0'],
      // Weights go to three decimals (whether the product is weighed is decide's question).
      [{ ...sale, lines: [{ ...sale.lines[0]!, qty: 1.2345 }] }, 'lines.0.qty: at most three decimals'],
      [{ ...sale, lines: [] }, 'lines: Invalid length: Expected >=1 but received 0'],
      [{ ...sale, saleId: sale.saleId.toUpperCase() }, `saleId: Invalid format: Expected ${'/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/'} but received "${sale.saleId.toUpperCase()}"`],
      [{ ...sale, lines: [{ ...sale.lines[0]!, names: { en: ' ' } }] }, 'lines.0.names: a name is required'],
      [{ ...sale, paidBy: 'card' }, 'paidBy: Invalid key: Expected never but received "paidBy"'],
    ];
    for (const [args, detail] of cases) {
      expect(quickAcceptSaleCreate(args)).toBe(false);
      expect(prepareMutation('sale.create', args, staffId, new Date().toISOString())).toEqual({ valid: false, refusal: { ok: false, code: 'invalid_args', detail }, reads: [] });
    }
  });

  it('accepts every valid sale the schema keeps as it is', () => {
    fc.assert(
      fc.property(saleArgsArb, (args) => {
        expect(quickAcceptSaleCreate(args)).toBe(true);
        expectSchemaKeepsAsIs(args);
      }),
      { numRuns: 300 },
    );
  });

  it('says yes to a changed sale only when the schema accepts it and keeps it as it is', () => {
    const { yes, no } = answersOnEdited(saleArgsArb, quickAcceptSaleCreate, expectSchemaKeepsAsIs, 2000);
    // Both answers happen, so the property is not vacuous.
    expect(yes).toBeGreaterThan(0);
    expect(no).toBeGreaterThan(yes);
  });

  it('refuses, in the quick check and the schema, a sale whose text holds NUL or half a surrogate pair', () => {
    const where = fc.constantFrom('receiptNo', 'unit', 'zh-CN', 'en', 'ug');
    fc.assert(
      fc.property(saleArgsArb, where, fc.nat(), unstorableText(20), (sale, field, lineAt, bad) => {
        const args = structuredClone(sale);
        const line = args.lines[lineAt % args.lines.length]!;
        if (field === 'receiptNo') args.receiptNo = bad;
        else if (field === 'unit') line.unit = bad;
        else line.names = { ...line.names, [field]: bad };
        expect(quickAcceptSaleCreate(args)).toBe(false);
        const prepared = prepareMutation('sale.create', args, staffId, new Date().toISOString());
        expect(prepared.valid).toBe(false);
        expect(!prepared.valid && prepared.refusal).toMatchObject({ ok: false, code: 'invalid_args' });
      }),
      { numRuns: 300 },
    );
  });

  it('says yes to anything at all only when the schema keeps it as it is', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }), (args) => {
        if (quickAcceptSaleCreate(args)) expectSchemaKeepsAsIs(args);
      }),
    );
  });
});
