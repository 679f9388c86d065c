import type { AnyRow, TableName } from '../../shared/domain/entities';
import { parcelIdFor, pickupCodeId } from '../../shared/domain/deterministic-id';
import { SERVER_DEVICE_ID, uuidv7 } from '../../shared/domain/ids';
import { orderTotal, type Order, type OrderHistoryEntry } from '../../shared/domain/orders';
import type { Parcel, PickupCode } from '../../shared/domain/parcels';
import { pickupCandidates } from '../../shared/domain/pickup-code';
import { NO_PERSONAL_DATA, type Customer } from '../../shared/domain/villagers';
import { DEMO_ORDERS, DEMO_PARCELS, type DemoParcel } from './demo-orders';
import { DEMO_VILLAGERS } from './demo-villagers';
import { standardPlatformId } from './platforms';

const DAY_MS = 86_400_000;

type Row = { table: TableName; row: AnyRow };

/**
 * The demo centre's villagers, orders, parcels and pickup-code claims,
 * written by the server as they would be after two weeks of use. Rows are
 * dated in the past; the demo staff (admin, clerk, clerk) made them.
 */
export function demoVillageRows(centreId: string, staff: readonly [string, string, string], now: string): Row[] {
  const nowMs = Date.parse(now);
  const at = (daysAgo: number) => new Date(nowMs - Math.round(daysAgo * DAY_MS)).toISOString();
  const rows: Row[] = [];
  const base = (daysAgo: number, by: string) => ({ centreId, createdAt: at(daysAgo), updatedAt: at(daysAgo), createdBy: by });

  // Villagers were registered before their first order: three weeks ago, spread over a week.
  const customers: Customer[] = DEMO_VILLAGERS.map((v, i) => ({
    ...base(21 - (i % 7), staff[i % 3]!),
    id: uuidv7(),
    name: v.name,
    consent: v.details !== undefined,
    ...(v.details ?? NO_PERSONAL_DATA),
    mergedInto: null,
    deleted: false,
  }));
  for (const row of customers) rows.push({ table: 'customers', row });

  const claimed = new Set<string>();
  const parcelRows = (parcel: Parcel, by: string) => {
    const code = pickupCandidates(parcel.id, parcel.pickupCode).find((c) => !claimed.has(c))!;
    if (parcel.status === 'waiting') claimed.add(code);
    const claim: PickupCode = { ...base(0, by), createdAt: parcel.arrivedAt, updatedAt: parcel.updatedAt, id: pickupCodeId(code), code, parcelId: parcel.id, active: parcel.status === 'waiting' };
    rows.push({ table: 'parcels', row: { ...parcel, pickupCode: code } });
    // A released code may be claimed again later: only the last claim of a code is kept.
    if (parcel.status === 'waiting' || !rows.some((r) => r.table === 'pickupCodes' && r.row.id === claim.id)) rows.push({ table: 'pickupCodes', row: claim });
  };

  DEMO_ORDERS.forEach((spec, i) => {
    const [first] = spec.steps;
    const last = spec.steps[spec.steps.length - 1]!;
    const history: OrderHistoryEntry[] = spec.steps.map(([status, daysAgo, who]) => ({
      status,
      at: at(daysAgo),
      staffId: staff[who]!,
      deviceId: SERVER_DEVICE_ID,
      mutationId: uuidv7(),
    }));
    const lines = spec.lines.map(([name, qty, unitPriceFen]) => ({ name, qty, unitPriceFen }));
    const totalFen = orderTotal({ lines, deliveryFeeFen: spec.deliveryFeeFen, serviceFeeFen: spec.serviceFeeFen });
    const order: Order = {
      ...base(first![1], staff[first![2]]!),
      updatedAt: at(last[1]),
      id: uuidv7(),
      customerId: customers[spec.villager]!.id,
      platformId: standardPlatformId(centreId, spec.platform),
      platformOrderNo: spec.orderNo,
      lines,
      deliveryFeeFen: spec.deliveryFeeFen,
      serviceFeeFen: spec.serviceFeeFen,
      depositFen: spec.deposit === 'full' ? totalFen : spec.deposit,
      totalFen,
      status: last[0],
      history,
      deviceId: SERVER_DEVICE_ID,
    };
    rows.push({ table: 'orders', row: order });
    const arrived = spec.steps.find(([status]) => status === 'arrived');
    if (spec.parcel && arrived) {
      const end = last[0] === 'collected' || last[0] === 'returned' ? last : null;
      const by = staff[arrived[2]]!;
      const parcel = parcelOf(spec.parcel, order.customerId, order.id, arrived[1], by, i);
      if (end) Object.assign(parcel, endOf(end[0] as 'collected' | 'returned', at(end[1]), staff[end[2]]!, 'code'));
      parcelRows(parcel, by);
    }
  });

  DEMO_PARCELS.forEach((spec: DemoParcel, i) => {
    const by = staff[spec.staff]!;
    const customerId = spec.villager === null ? null : customers[spec.villager]!.id;
    const parcel = parcelOf(spec, customerId, null, spec.arrivedDaysAgo, by, 100 + i);
    if (spec.end) Object.assign(parcel, endOf(spec.end.status, at(spec.end.daysAgo), staff[spec.end.staff]!, spec.end.method ?? 'code'));
    parcelRows(parcel, by);
  });

  function parcelOf(spec: { trackingNo: string; carrier: string }, customerId: string | null, orderId: string | null, daysAgo: number, by: string, n: number): Parcel {
    const id = parcelIdFor(spec.trackingNo);
    return {
      ...base(daysAgo, by),
      id,
      trackingNo: spec.trackingNo,
      carrier: spec.carrier,
      customerId,
      orderId,
      // A stand-in proposal; parcelRows claims the first free candidate, as parcel.log does.
      pickupCode: String((n * 7919 + 104_729) % 1_000_000).padStart(6, '0'),
      status: 'waiting',
      arrivedAt: at(daysAgo),
      collectedAt: null,
      collectedBy: null,
      handoverMethod: null,
      returnedAt: null,
      deviceId: SERVER_DEVICE_ID,
    };
  }
  return rows;
}

function endOf(status: 'collected' | 'returned', when: string, by: string, method: 'code' | 'phone_admin'): Partial<Parcel> {
  return status === 'collected'
    ? { status, collectedAt: when, collectedBy: by, handoverMethod: method, updatedAt: when }
    : { status, returnedAt: when, updatedAt: when };
}
