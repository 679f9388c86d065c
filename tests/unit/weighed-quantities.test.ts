import 'fake-indexeddb/auto';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { adjustStock, completeSale, createProduct, receiveStock } from '../../src/client/data/commands';
import { priceSale } from '../../src/shared/domain/discounts';
import { parseYuan } from '../../src/shared/domain/money';
import { addQuantities, isThousandths, parseQuantityText, sumQuantities } from '../../src/shared/domain/quantity';
import { lineRefundFen } from '../../src/shared/domain/refund-rules';
import { applyEffects } from '../../src/shared/domain/stock';
import { unitNamesOf } from '../../src/shared/domain/units';
import { uuidv7 } from '../../src/shared/domain/ids';
import { isRowOf } from '../../src/shared/protocol/replies';
import { quantity } from '../../src/shared/mutations/fields';
import { isQuickQuantity } from '../../src/shared/mutations/quick-fields';
import { localDevice, productInput } from './support/local-device';

/** A weight as a scale shows it: whole thousandths of a unit. */
const thousandths = fc.integer({ min: 1, max: 9_999_999 });
const weight = thousandths.map((m) => m / 1000);

describe('weighed quantities', () => {
  it('sum exactly in any order: 0.1 kg and 0.2 kg make 0.3 kg, and every sum is again a three-decimal weight', () => {
    expect(addQuantities(0.1, 0.2)).toBe(0.3);
    fc.assert(
      fc.property(fc.array(thousandths, { minLength: 1, maxLength: 30 }), (ms) => {
        const weights = ms.map((m) => m / 1000);
        const exact = ms.reduce((a, b) => a + b, 0) / 1000;
        expect(sumQuantities(weights)).toBe(exact);
        expect(sumQuantities([...weights].reverse())).toBe(exact);
        expect(isThousandths(sumQuantities(weights))).toBe(true);
        // Stock levels add sales and receipts the same way, whatever the order (S7).
        const levels = new Map<string, number>();
        applyEffects(levels, weights.map((w, i) => ({ productId: 'p', delta: i % 2 === 0 ? w : -w })));
        const signed = ms.reduce((sum, m, i) => sum + (i % 2 === 0 ? m : -m), 0) / 1000;
        expect(levels.get('p')).toBe(signed);
      }),
    );
  });

  it('price each line at unit price times weight, rounded to the whole fen, on the tablet and the server alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weight, (unitPriceFen, qty) => {
        const { lines, totalFen } = priceSale([{ unitPriceFen, qty }], undefined);
        expect(lines[0]!.lineTotalFen).toBe(Math.round(unitPriceFen * qty));
        expect(Number.isInteger(totalFen)).toBe(true);
      }),
    );
    expect(priceSale([{ unitPriceFen: 399, qty: 2.345 }], undefined).totalFen).toBe(936);
    // Whole pieces price as they always did.
    expect(priceSale([{ unitPriceFen: 250, qty: 3 }], undefined).totalFen).toBe(750);
  });

  it('refund a weighed line piece by piece and give back exactly what it was paid, never a fen more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.array(thousandths.map((m) => Math.min(m, 50_000)), { minLength: 1, maxLength: 8 }), (paidFen, partsMs) => {
        const lineQty = partsMs.reduce((a, b) => a + b, 0) / 1000;
        let before = 0;
        let back = 0;
        for (const m of partsMs) {
          const qty = m / 1000;
          const fen = lineRefundFen(paidFen, lineQty, before, qty);
          expect(fen).toBeGreaterThanOrEqual(0);
          back += fen;
          before = addQuantities(before, qty);
        }
        expect(before).toBe(lineQty);
        expect(back).toBe(paidFen);
      }),
    );
  });

  it('the shared quantity field takes whole numbers and weights of up to three decimals, nothing finer', () => {
    for (const ok of [1, 2.5, 0.001, 1.005, 999_999.999]) {
      expect(v.safeParse(quantity, ok).success, String(ok)).toBe(true);
      expect(isQuickQuantity(ok), String(ok)).toBe(true);
    }
    for (const bad of [0, -1, 0.0001, 1.2345, 0.1 + 0.2, Number.NaN, Infinity, 1_000_001]) {
      expect(v.safeParse(quantity, bad).success, String(bad)).toBe(false);
      expect(isQuickQuantity(bad), String(bad)).toBe(false);
    }
  });

  it('reads typed numbers from any keyboard: full-width digits and points, the Chinese full stop', () => {
    expect(parseQuantityText('２．５', 3)).toBe(2.5);
    expect(parseQuantityText('1。25', 3)).toBe(1.25);
    expect(parseQuantityText('１２', 0)).toBe(12);
    expect(parseQuantityText('1.5', 0)).toBeNull();
    expect(parseQuantityText('3.0', 0)).toBe(3);
    expect(parseQuantityText('1.2345', 3)).toBeNull();
    expect(parseQuantityText('-1', 3)).toBeNull();
    expect(parseQuantityText('', 3)).toBeNull();
    expect(parseYuan('１２．５０')).toBe(1250);
    expect(parseYuan('￥３')).toBe(300);
    fc.assert(
      fc.property(thousandths, (m) => {
        const text = (m / 1000).toFixed(3);
        const wide = text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(parseQuantityText(wide, 3)).toBe(m / 1000);
      }),
    );
  });

  it('a pulled page may carry weighed movements, sale lines and refunds; nothing finer than a gram', () => {
    const base = { id: uuidv7(), centreId: uuidv7(), createdAt: '2026-12-01T08:00:00.000Z', updatedAt: '2026-12-01T08:00:00.000Z', createdBy: uuidv7() };
    const movement = (delta: number) => ({ ...base, productId: uuidv7(), delta, reason: 'receive', note: '', deviceId: 'server' });
    expect(isRowOf('movements', movement(60.5))).toBe(true);
    expect(isRowOf('movements', movement(-0.125))).toBe(true);
    expect(isRowOf('movements', movement(0.1 + 0.2))).toBe(false);
    const line = { productId: uuidv7(), names: { 'zh-CN': '散装大米' }, unit: '公斤', unitNames: { 'zh-CN': '公斤', en: 'kg' }, unitPriceFen: 399, qty: 2.345, lineTotalFen: 936 };
    const sale = { ...base, receiptNo: 'A-1', lines: [line], totalFen: 936, tenderedFen: 1000, changeFen: 64, payment: 'cash', channel: 'counter', deviceId: uuidv7() };
    expect(isRowOf('sales', sale)).toBe(true);
    expect(isRowOf('refundTotals', { ...base, qtyByLine: [0.5], fenByMeans: { cash: 200 }, voided: true })).toBe(true);
  });

  it('names units of older rows in every language from their Chinese name', () => {
    expect(unitNamesOf({ unit: '公斤' })).toEqual({ 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' });
    expect(unitNamesOf({ unit: '板' })).toMatchObject({ en: 'tray' });
    expect(unitNamesOf({ unit: '串' })).toEqual({ 'zh-CN': '串' });
    expect(unitNamesOf({ unit: '串', unitNames: { 'zh-CN': '串', en: 'string' } })).toEqual({ 'zh-CN': '串', en: 'string' });
  });

  it('a tablet sells, receives and counts a weighed product in decimals, and refuses decimals of one sold by the piece', async () => {
    const { db, ctx } = await localDevice();
    const rice = await createProduct({ ...productInput({ sku: 'RICE-LOOSE', unit: '公斤', priceFen: 460 }), soldBy: 'weight' }, ctx);
    const soap = await createProduct(productInput({ sku: 'SOAP', barcode: '', unit: '块', priceFen: 350 }), ctx);
    await receiveStock({ productId: rice.id, qty: 25.5, note: '' }, ctx);
    const sale = await completeSale({ lines: [{ productId: rice.id, qty: 2.345 }, { productId: soap.id, qty: 2 }], tenderedFen: 2000 }, ctx);
    expect(sale.lines.map((l) => l.lineTotalFen)).toEqual([1079, 700]);
    expect(sale.totalFen).toBe(1779);
    await completeSale({ lines: [{ productId: rice.id, qty: 0.1 }], tenderedFen: 100 }, ctx);
    await completeSale({ lines: [{ productId: rice.id, qty: 0.2 }], tenderedFen: 100 }, ctx);
    expect((await db.stockLevels.get(rice.id))?.level).toBe(22.855);
    // A count of 22.9 kg on the shelf: the change is +0.045 exactly.
    await adjustStock({ productId: rice.id, delta: addQuantities(22.9, -22.855), reason: 'count', note: '' }, ctx);
    expect((await db.stockLevels.get(rice.id))?.level).toBe(22.9);

    await expect(completeSale({ lines: [{ productId: soap.id, qty: 1.5 }], tenderedFen: 1000 }, ctx)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(receiveStock({ productId: soap.id, qty: 0.5, note: '' }, ctx)).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await db.stockLevels.get(soap.id))?.level).toBe(-2);
  });
});
