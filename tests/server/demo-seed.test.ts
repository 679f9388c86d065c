import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/server/seed/demo';
import { pickupCodeId } from '../../src/shared/domain/deterministic-id';
import type { Centre, TableName } from '../../src/shared/domain/entities';
import { isLegalEdge, ORDER_STATUSES } from '../../src/shared/domain/order-status';
import { orderTotal } from '../../src/shared/domain/orders';
import { isRowOf } from '../../src/shared/protocol/replies';
import { storeKinds, type OpenedStore } from './support/stores';
import { rowsOf } from './support/village';
import { SETTING_DEFAULTS } from '../../src/shared/domain/centre-settings';
import { beforeHorizon, historyHorizon } from '../../src/shared/domain/history-scope';

const DAY_MS = 86_400_000;

describe.each(storeKinds())('the demo centre on $name', (kind) => {
  let opened: OpenedStore;
  let centre: Centre;
  const now = new Date().toISOString();
  const daysAgo = (iso: string) => (Date.parse(now) - Date.parse(iso)) / DAY_MS;

  beforeAll(async () => {
    opened = await kind.open();
    centre = (await seedDemoIfEmpty(opened.store, now)).centre;
  });
  afterAll(() => opened.dispose());

  const rows = <T extends TableName>(table: T) => rowsOf(opened.store, centre.id, table);

  it('holds villagers of four villages, some with a name only, and the standard platforms', async () => {
    const customers = await rows('customers');
    expect(customers.length).toBeGreaterThanOrEqual(20);
    expect(new Set(customers.filter((c) => c.consent).map((c) => c.village)).size).toBe(4);
    const named = customers.filter((c) => !c.consent);
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) expect([c.phone, c.village, c.household, c.notes, c.householdSize]).toEqual(['', '', '', '', 0]);
    for (const c of customers.filter((c) => c.consent)) expect(c.phone).toMatch(/^1[3-9]\d{9}$/);
    expect((await rows('platforms')).length).toBe(4);
  });

  it('every row passes the tablet’s checks', async () => {
    for (const table of ['products', 'movements', 'customers', 'platforms', 'orders', 'parcels', 'pickupCodes', 'sales', 'creditEntries', 'repayments', 'refunds', 'refundTotals'] as const) {
      for (const row of await rows(table)) expect(isRowOf(table, row), `${table} ${row.id}`).toBe(true);
    }
  });

  it('sells by weight and by the piece: units named in every language, categories, a few quick keys', async () => {
    const products = await rows('products');
    expect(products.every((p) => p.unitNames?.['zh-CN'] && p.unitNames.en && p.unitNames.ug && p.category)).toBe(true);
    const weighed = products.filter((p) => p.soldBy === 'weight').map((p) => [p.sku, p.unitNames?.en]);
    expect(weighed).toEqual(expect.arrayContaining([['RICE-LOOSE', 'kg'], ['EGG-LOOSE', 'jin (500 g)']]));
    expect(products.filter((p) => p.pinned).length).toBeGreaterThanOrEqual(3);
    const eggs = products.find((p) => p.sku === 'EGG-LOOSE')!;
    expect((await rows('movements')).find((m) => m.productId === eggs.id)?.delta).toBe(60.5);
  });

  it('has a credit ledger: villagers owing, one paid off, one over the default limit, each entry made by its sale or repayment', async () => {
    const entries = await rows('creditEntries');
    const sources = new Map([...(await rows('sales')), ...(await rows('repayments')), ...(await rows('refunds'))].map((r) => [r.id, r]));
    const balances = new Map<string, number>();
    for (const e of entries) {
      expect(sources.has(e.refId)).toBe(true);
      balances.set(e.customerId, (balances.get(e.customerId) ?? 0) + e.deltaFen);
    }
    const owed = [...balances.values()].sort((a, b) => a - b);
    expect(owed[0]).toBe(0);
    expect(owed.at(-1)).toBeGreaterThan(SETTING_DEFAULTS.creditLimitFen);
    expect(owed.filter((b) => b > 0 && b <= SETTING_DEFAULTS.creditLimitFen).length).toBeGreaterThan(0);
  });

  it('has a partial refund of a credit sale: its goods back on the shelf, its amount off the villager’s balance', async () => {
    const [refund, ...more] = await rows('refunds');
    expect(more).toEqual([]);
    const sale = (await rows('sales')).find((s) => s.id === refund!.saleId)!;
    expect(refund).toMatchObject({ voided: false, payments: [{ means: 'credit', amountFen: refund!.totalFen }], lines: [{ lineIndex: 0, qty: 1 }] });
    expect(refund!.totalFen).toBe(sale.lines[0]!.unitPriceFen);
    expect((await rows('refundTotals')).find((t) => t.id === sale.id)?.qtyByLine).toEqual([1]);
    const back = (await rows('movements')).filter((m) => m.reason === 'return');
    expect(back.map((m) => [m.productId, m.delta])).toEqual([[sale.lines[0]!.productId, 1]]);
    const credit = (await rows('creditEntries')).filter((e) => e.refId === refund!.id);
    expect(credit.map((e) => [e.customerId, e.deltaFen, e.source])).toEqual([[sale.customerId, -refund!.totalFen, 'refund']]);
  });

  it('has orders in every status, with histories made of legal moves by the demo staff over two weeks, and some closed over a year ago', async () => {
    const orders = await rows('orders');
    const staff = new Set((await rows('staff')).map((s) => s.id));
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES));
    for (const o of orders) {
      expect(o.totalFen).toBe(orderTotal(o));
      expect(o.depositFen).toBeLessThanOrEqual(o.totalFen);
      expect(o.history.at(-1)?.status).toBe(o.status);
      for (let i = 1; i < o.history.length; i++) expect(isLegalEdge(o.history[i - 1]!.status, o.history[i]!.status)).toBe(true);
      for (const h of o.history) expect(staff.has(h.staffId)).toBe(true);
    }
    // Recent ones fill the lists; last winter's are older than the tablets keep (history-scope.ts).
    const closedLongAgo = orders.filter((o) => beforeHorizon('orders', o, historyHorizon(Date.now(), SETTING_DEFAULTS.historyMonths)));
    expect(closedLongAgo.map((o) => o.status)).toEqual(['collected', 'collected']);
    for (const o of orders.filter((x) => !closedLongAgo.includes(x))) for (const h of o.history) expect(daysAgo(h.at)).toBeLessThanOrEqual(15);
    // Some ask for attention: not shipped 5 days after being placed, arrived 3 days ago and not collected.
    const placedAt = (o: (typeof orders)[number]) => o.history.find((h) => h.status === 'placed')?.at;
    expect(orders.some((o) => (o.status === 'placed' || o.status === 'paid') && daysAgo(placedAt(o)!) > 5)).toBe(true);
    expect(orders.some((o) => o.status === 'arrived' && daysAgo(o.history.at(-1)!.at) > 3)).toBe(true);
  });

  it('has parcels waiting (matched or not, some old), collected and returned, each waiting one under its own claimed code', async () => {
    const parcels = await rows('parcels');
    const waiting = parcels.filter((p) => p.status === 'waiting');
    expect(waiting.some((p) => p.orderId !== null)).toBe(true);
    expect(waiting.some((p) => p.customerId === null)).toBe(true);
    expect(waiting.some((p) => daysAgo(p.arrivedAt) > 3)).toBe(true);
    expect(parcels.some((p) => p.status === 'collected')).toBe(true);
    expect(parcels.some((p) => p.status === 'returned')).toBe(true);
    expect(new Set(waiting.map((p) => p.pickupCode)).size).toBe(waiting.length);
    const claims = new Map((await rows('pickupCodes')).map((c) => [c.id, c]));
    for (const p of waiting) expect(claims.get(pickupCodeId(p.pickupCode))).toMatchObject({ parcelId: p.id, active: true });
    const orders = new Map((await rows('orders')).map((o) => [o.id, o]));
    for (const p of parcels.filter((p) => p.orderId)) {
      const status = orders.get(p.orderId!)!.status;
      expect(status).toBe(p.status === 'waiting' ? 'arrived' : p.status);
    }
  });
});
