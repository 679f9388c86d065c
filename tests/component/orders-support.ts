import { db } from '../../src/client/data/db';
import { putSyncedRows } from '../../src/client/data/synced-rows';
import type { Customer } from '../../src/shared/domain/villagers';
import type { Order, OrderHistoryEntry, Platform } from '../../src/shared/domain/orders';
import type { OrderStatus } from '../../src/shared/domain/order-status';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { TestCentre } from './support';

/** A villager and a platform as a sync would have brought them. */
export async function villagerAndPlatform(centre: TestCentre, name = 'Wang Fang', phone = '13800138000'): Promise<{ customer: Customer; platform: Platform }> {
  const now = new Date().toISOString();
  const base = { centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id };
  const customer: Customer = {
    ...base,
    id: uuidv7(),
    name,
    consent: true,
    phone,
    village: 'Hongxing',
    household: '',
    householdSize: 0,
    notes: '',
    mergedInto: null,
    deleted: false,
  };
  const platform: Platform = { ...base, id: uuidv7(), names: { 'zh-CN': '淘宝', en: 'Taobao' }, active: true };
  await db.customers.put(customer);
  await db.platforms.put(platform);
  return { customer, platform };
}

/** An order already at `status`, with a history entry per step, as synced rows would hold it. */
export async function orderAt(
  centre: TestCentre,
  customer: Customer,
  platform: Platform,
  status: OrderStatus,
  extraHistory: OrderHistoryEntry[] = [],
): Promise<Order> {
  const now = new Date().toISOString();
  const entry = (s: OrderStatus): OrderHistoryEntry => ({ status: s, at: now, staffId: centre.staff.id, deviceId: centre.deviceId, mutationId: uuidv7() });
  const order: Order = {
    id: uuidv7(),
    centreId: centre.centreId,
    createdAt: now,
    updatedAt: now,
    createdBy: centre.staff.id,
    customerId: customer.id,
    platformId: platform.id,
    platformOrderNo: 'TB-1',
    lines: [{ name: 'Rice cooker', qty: 1, unitPriceFen: 19900 }],
    deliveryFeeFen: 0,
    serviceFeeFen: 0,
    depositFen: 0,
    totalFen: 19900,
    status,
    history: [entry(status), ...extraHistory],
    deviceId: centre.deviceId,
  };
  await putSyncedRows(db, 'orders', [order]);
  return order;
}
