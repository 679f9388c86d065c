import { parcelIdFor } from '../../../src/shared/domain/deterministic-id';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { Decision } from '../../../src/shared/mutations/types';
import type { MemoryCentre } from './memory-centre';

/** Builders of villagers, platforms, orders and parcels through the shared mutations, for unit tests. */

export function expectApplied(decision: Decision): void {
  if (!decision.ok) throw new Error(`refused: ${decision.code} ${decision.detail ?? ''}`);
}

export function addVillager(centre: MemoryCentre, fields: Partial<{ name: string; consent: boolean; phone: string; village: string }> = {}): string {
  const customerId = uuidv7();
  const consent = fields.consent ?? true;
  expectApplied(
    centre.run('customer.create', {
      customerId,
      name: fields.name ?? '王芳',
      consent,
      phone: consent ? (fields.phone ?? '13812345678') : '',
      village: consent ? (fields.village ?? '红旗村') : '',
      household: '',
      householdSize: 0,
      notes: '',
    }),
  );
  return customerId;
}

export function addPlatform(centre: MemoryCentre): string {
  const platformId = uuidv7();
  expectApplied(centre.run('platform.create', { platformId, names: { 'zh-CN': '淘宝', en: 'Taobao' } }, { role: 'admin' }));
  return platformId;
}

export function orderArgs(customerId: string, platformId: string, status: 'draft' | 'placed' = 'placed') {
  return {
    orderId: uuidv7(),
    customerId,
    platformId,
    platformOrderNo: status === 'draft' ? '' : '3887120943357206418',
    lines: [
      { name: '儿童羽绒服', qty: 2, unitPriceFen: 15900 },
      { name: '手机壳', qty: 1, unitPriceFen: 1990 },
    ],
    deliveryFeeFen: 800,
    serviceFeeFen: 300,
    depositFen: 5000,
    totalFen: 2 * 15900 + 1990 + 800 + 300,
    status,
  };
}

let trackingCounter = 100_000;

export function logArgs(pickupCode: string, fields: { customerId?: string | null; orderId?: string | null; trackingNo?: string } = {}) {
  const trackingNo = fields.trackingNo ?? `YT75${++trackingCounter}${Math.floor(Math.random() * 1e6)}`;
  return { parcelId: parcelIdFor(trackingNo), trackingNo, carrier: '圆通速递', customerId: fields.customerId ?? null, orderId: fields.orderId ?? null, pickupCode };
}
