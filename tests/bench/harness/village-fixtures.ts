import { parcelIdFor } from '../../../src/shared/domain/deterministic-id';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { orderTotal, type Order, type OrderHistoryEntry, type OrderStatus } from '../../../src/shared/domain/orders';
import type { Parcel } from '../../../src/shared/domain/parcels';
import type { Customer } from '../../../src/shared/domain/villagers';

/**
 * A busy centre's villagers, assisted orders and parcels, built alike for
 * the tablet (written straight into IndexedDB) and for the server's store
 * (pulled by a fresh tablet). Setup only: the timed paths are the app's own.
 */
export const VILLAGE_SCALE = {
  villagers: 5_000,
  orders: 50_000,
  parcels: 20_000,
  /** Parcels still on the shelf: a big centre's shelf, the rest collected or returned. */
  waitingParcels: 500,
  /** The orders of the one villager whose page is timed. */
  heavyOrders: 200,
} as const;

/** How big a data set is: the bench's is VILLAGE_SCALE; tests build smaller ones. */
export type VillageScale = { readonly [K in keyof typeof VILLAGE_SCALE]: number };

export interface VillageContext {
  centreId: string;
  staffIds: readonly string[];
  platformIds: readonly string[];
  deviceId: string;
  /** Epoch ms the data ends at: the newest rows are a little before it. */
  now: number;
}

export interface VillageData {
  customers: Customer[];
  orders: Order[];
  parcels: Parcel[];
  /** The villager with VILLAGE_SCALE.heavyOrders orders. */
  heavyVillagerId: string;
}

const DAY_MS = 86_400_000;
/** A year of orders: the oldest is this many days back. */
const SPAN_DAYS = 365;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = '芳伟娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂玉华红梅春兰建国志文海燕';
const VILLAGES = ['张家村', '李庄', '王家屯', '东河村', '西坡村', '南湾村', '北岭村', '石桥村', '柳树村', '杏花村', '大营村', '小营村'];
/** Where orders end when no parcel is tied to them: mostly collected, some cancelled. */
const LOOSE_ENDS: readonly OrderStatus[] = ['collected', 'collected', 'collected', 'collected', 'cancelled'];
/** Where the last weeks' orders without a parcel may still be: on their way, as a busy centre's are. */
const IN_FLIGHT: readonly OrderStatus[] = [...LOOSE_ENDS, 'placed', 'paid', 'shipped'];
/** Orders younger than this may still be on their way; older ones ended (the app flags one unshipped after days). */
const IN_FLIGHT_DAYS = 21;
/** Each status's path from placing, as the status machine allows it. */
const PATHS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['draft'],
  placed: ['placed'],
  paid: ['placed', 'paid'],
  shipped: ['placed', 'paid', 'shipped'],
  arrived: ['placed', 'paid', 'shipped', 'arrived'],
  collected: ['placed', 'paid', 'shipped', 'arrived', 'collected'],
  cancelled: ['placed', 'cancelled'],
  returned: ['placed', 'paid', 'shipped', 'arrived', 'returned'],
};

function pick(items: readonly string[] | string, random: () => number): string {
  return items[Math.floor(random() * items.length)]!;
}

function customerOf(ctx: VillageContext, random: () => number, i: number): Customer {
  const at = new Date(ctx.now - SPAN_DAYS * DAY_MS - DAY_MS + Math.floor((DAY_MS * i) / 50)).toISOString();
  const name = `${pick(SURNAMES, random)}${pick(GIVEN, random)}${random() < 0.6 ? pick(GIVEN, random) : ''}`;
  // Unique phones: 1 + 3..9 + the index spread over nine digits.
  const phone = `1${3 + (i % 7)}${String((i * 7_919_993 + 12_345_678) % 1_000_000_000).padStart(9, '0')}`;
  return {
    id: uuidv7(Date.parse(at)),
    centreId: ctx.centreId,
    createdAt: at,
    updatedAt: at,
    createdBy: ctx.staffIds[i % ctx.staffIds.length]!,
    name,
    consent: true,
    phone,
    village: pick(VILLAGES, random),
    household: name,
    householdSize: 1 + Math.floor(random() * 6),
    notes: '',
    mergedInto: null,
    deleted: false,
  };
}

/** The customer of order `i`: every 25th of the first 5,000 orders is the heavy villager's (200), the rest spread over everyone else. */
function ownerOf(i: number, customers: readonly Customer[]): string {
  if (i < 25 * VILLAGE_SCALE.heavyOrders && i % 25 === 0) return customers[0]!.id;
  return customers[1 + (i % (customers.length - 1))]!.id;
}

/**
 * The whole data set, deterministic for a seed. Orders are oldest first; the
 * parcels belong to every n-th order, the newest `waitingParcels` of them on
 * the shelf (their orders arrived), the others collected or returned.
 */
export function villageData(ctx: VillageContext, random: () => number, scale: VillageScale = VILLAGE_SCALE): VillageData {
  const customers = Array.from({ length: scale.villagers }, (_, i) => customerOf(ctx, random, i));
  const step = scale.orders / scale.parcels;
  const parcelOfOrder = new Map<number, number>();
  for (let p = 0; p < scale.parcels; p++) parcelOfOrder.set(Math.floor(p * step), p);
  const orders: Order[] = [];
  const parcels: Parcel[] = [];
  for (let i = 0; i < scale.orders; i++) {
    const createdMs = ctx.now - SPAN_DAYS * DAY_MS + Math.floor((SPAN_DAYS * DAY_MS * i) / scale.orders);
    const p = parcelOfOrder.get(i);
    const waiting = p !== undefined && p >= scale.parcels - scale.waitingParcels;
    const status: OrderStatus =
      p === undefined ? (pick(ctx.now - createdMs < IN_FLIGHT_DAYS * DAY_MS ? IN_FLIGHT : LOOSE_ENDS, random) as OrderStatus) : waiting ? 'arrived' : random() < 0.05 ? 'returned' : 'collected';
    const by = ctx.staffIds[i % ctx.staffIds.length]!;
    const path = PATHS[status];
    // Each step a day after the last; the newest orders' steps stay before `now`.
    const stepMs = Math.min(DAY_MS, (ctx.now - createdMs) / (path.length + 1));
    const history: OrderHistoryEntry[] = path.map((s, k) => ({
      status: s,
      at: new Date(createdMs + k * stepMs).toISOString(),
      staffId: by,
      deviceId: ctx.deviceId,
      mutationId: uuidv7(createdMs + k * stepMs),
    }));
    const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => ({
      name: `${pick(GIVEN, random)}${pick(GIVEN, random)}牌商品 ${k + 1}`,
      qty: 1 + Math.floor(random() * 3),
      unitPriceFen: 500 + Math.floor(random() * 20_000),
    }));
    const fees = { deliveryFeeFen: 0, serviceFeeFen: 200 };
    const totalFen = orderTotal({ lines, ...fees });
    const order: Order = {
      id: uuidv7(createdMs),
      centreId: ctx.centreId,
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: history.at(-1)!.at,
      createdBy: by,
      customerId: ownerOf(i, customers),
      platformId: ctx.platformIds[i % ctx.platformIds.length]!,
      platformOrderNo: String(100_000_000_000 + i * 37),
      lines,
      ...fees,
      depositFen: totalFen,
      totalFen,
      status,
      history,
      deviceId: ctx.deviceId,
    };
    orders.push(order);
    if (p !== undefined) parcels.push(parcelFor(ctx, order, p, waiting, stepMs));
  }
  return { customers, orders, parcels, heavyVillagerId: customers[0]!.id };
}

function parcelFor(ctx: VillageContext, order: Order, p: number, waiting: boolean, stepMs: number): Parcel {
  const arrived = order.history.find((h) => h.status === 'arrived')!.at;
  const ended = new Date(Date.parse(arrived) + stepMs).toISOString();
  const trackingNo = `YT${String(9_000_000_000 + p)}`;
  return {
    id: parcelIdFor(trackingNo),
    centreId: ctx.centreId,
    createdAt: arrived,
    updatedAt: waiting ? arrived : ended,
    createdBy: order.createdBy,
    trackingNo,
    carrier: p % 2 === 0 ? '圆通' : '中通',
    customerId: order.customerId,
    orderId: order.id,
    // Unique among the waiting ones, as the claims would make them.
    pickupCode: String(100_000 + p).slice(-6),
    status: waiting ? 'waiting' : order.status === 'returned' ? 'returned' : 'collected',
    arrivedAt: arrived,
    collectedAt: waiting || order.status === 'returned' ? null : ended,
    collectedBy: waiting || order.status === 'returned' ? null : order.createdBy,
    handoverMethod: waiting || order.status === 'returned' ? null : 'code',
    returnedAt: order.status === 'returned' ? ended : null,
    deviceId: ctx.deviceId,
  };
}
