import fc from 'fast-check';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { ORDER_EDGES } from '../../../src/shared/domain/order-status';
import { orderTotal } from '../../../src/shared/domain/orders';
import { parcelIdFor } from '../../../src/shared/domain/deterministic-id';
import type { MutationKind } from '../../../src/shared/mutations/kinds';
import { runCommand, type CommandContext } from '../../../src/client/data/commands/run-command';
import type { CunzhanDb } from '../../../src/client/data/db';
import { allSyncedRows } from '../../../src/client/data/synced-rows';
import type { Order } from '../../../src/shared/domain/orders';
import type { Parcel } from '../../../src/shared/domain/parcels';
import { toBase64 } from '../../../src/shared/auth/base64';
import { sha256 } from '../../../src/shared/domain/deterministic-id';
import { hexOf } from '../../../src/shared/training/lesson-variants';

/**
 * Random villager, order and parcel actions for the convergence property:
 * every kind of the villagers feature, run through the generic command
 * runner on a tablet's own rows, with small pools of tracking numbers and
 * pickup codes so that tablets collide (the same parcel logged twice, the
 * same code proposed twice, one order moved on two tablets).
 */
export type VillageAction = {
  type: 'village';
  device: number;
  staff: number;
  op: 'customer.create' | 'customer.update' | 'customer.merge' | 'customer.delete' | 'order.create' | 'order.transition' | 'parcel.log' | 'parcel.match' | 'parcel.handover' | 'parcel.return' | 'settings.update'
    | 'sale.onCredit' | 'credit.repay' | 'sale.refund' | 'sale.void' | 'till.cashUp'
    | 'training.sessionStart' | 'training.attend' | 'training.answer' | 'training.sessionEnd'
    | 'training.variantPhoto' | 'training.variantSave';
  pick: number;
  value: number;
};

export const villageAction = (device: fc.Arbitrary<number>, staff: fc.Arbitrary<number>): fc.Arbitrary<VillageAction> =>
  fc.record({
    type: fc.constant('village' as const),
    device,
    staff,
    op: fc.constantFrom(
      'customer.create',
      'customer.create',
      'customer.update',
      'customer.merge',
      'customer.delete',
      'order.create',
      'order.create',
      'order.transition',
      'order.transition',
      'order.transition',
      'parcel.log',
      'parcel.log',
      'parcel.match',
      'parcel.handover',
      'parcel.return',
      'settings.update',
      'sale.onCredit',
      'sale.onCredit',
      'credit.repay',
      'sale.refund',
      'sale.void',
      'till.cashUp',
      'training.sessionStart',
      'training.attend',
      'training.attend',
      'training.answer',
      'training.answer',
      'training.sessionEnd',
      'training.variantPhoto',
      'training.variantSave',
      'training.variantSave',
    ),
    pick: fc.nat({ max: 50 }),
    value: fc.nat({ max: 9999 }),
  });

const PROPOSED_CODES = ['111111', '222222', '333333'];

/** Two tiny "photos" (JPEG's mark, then bytes): tablets save the same one apart, and a variant shows one. */
const VARIANT_PHOTOS = [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 4, 5, 6])];

/** What an action acts on, made first when the tablet has none yet, so that short runs reach every kind. */
const NEEDS: Partial<Record<VillageAction['op'], VillageAction['op']>> = {
  'customer.update': 'customer.create',
  'customer.merge': 'customer.create',
  'customer.delete': 'customer.create',
  'order.create': 'customer.create',
  'order.transition': 'order.create',
  'parcel.match': 'parcel.log',
  'parcel.handover': 'parcel.log',
  'parcel.return': 'parcel.log',
  'sale.onCredit': 'customer.create',
  'credit.repay': 'customer.create',
  'sale.refund': 'sale.onCredit',
  'sale.void': 'sale.onCredit',
  'training.sessionStart': 'customer.create',
  'training.attend': 'training.sessionStart',
  'training.answer': 'training.attend',
  'training.sessionEnd': 'training.sessionStart',
};

/**
 * Runs the action on `db` as `ctx`, after what it needs (NEEDS) when the
 * tablet lacks it. Gives the ids of the sales it made, which the property
 * counts like the counter's.
 */
export async function performVillageAction(a: VillageAction, db: CunzhanDb, ctx: CommandContext): Promise<string[]> {
  const need = NEEDS[a.op];
  const lacking =
    need === 'customer.create' ? (await db.customers.filter((c) => !c.deleted && c.mergedInto === null).count()) < 2
    : need === 'order.create' ? (await allSyncedRows(db, 'orders')).length === 0
    : need === 'parcel.log' ? (await db.parcels.filter((p) => p.status === 'waiting').count()) === 0
    : need === 'sale.onCredit' ? (await db.sales.count()) === 0
    : need === 'training.sessionStart' ? (await db.trainingSessions.filter((s) => s.endedAt === null).count()) === 0
    : need === 'training.attend' ? (await db.attendances.filter((x) => x.present).count()) === 0
    : false;
  const made = need && lacking ? await performVillageAction({ ...a, op: need, value: a.value + 1 }, db, ctx) : [];
  const sale = await performOne(a, db, ctx);
  return sale ? [...made, sale] : made;
}

async function performOne(a: VillageAction, db: CunzhanDb, ctx: CommandContext): Promise<string | void> {
  const customers = await db.customers.orderBy('id').toArray();
  const live = customers.filter((c) => !c.deleted && c.mergedInto === null);
  // Closed orders and parcels too (packed by villager): moves on them are refused, and that is tested as well.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const orders = ((await allSyncedRows(db, 'orders')) as Order[]).sort(byId);
  const parcels = ((await allSyncedRows(db, 'parcels')) as Parcel[]).sort(byId);
  const waiting = parcels.filter((p) => p.status === 'waiting');
  const platforms = await db.platforms.orderBy('id').toArray();
  const one = <T>(list: readonly T[], n = a.pick): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
  const run = (kind: MutationKind, args: unknown) => runCommand(kind, () => args, ctx);
  const v = a.value;

  switch (a.op) {
    case 'customer.create': {
      const consent = v % 2 === 0;
      await run(a.op, {
        customerId: uuidv7(),
        name: `村民${v}`,
        consent,
        phone: consent ? `138${String(v).padStart(8, '0')}` : '',
        village: consent ? ['红旗村', '团结村'][v % 2] : '',
        household: '',
        householdSize: consent ? v % 6 : 0,
        notes: '',
      });
      return;
    }
    case 'customer.update': {
      const c = one(live);
      if (c) await run(a.op, { customerId: c.id, patch: v % 3 === 0 ? { consent: false } : { name: `改名${v}` } });
      return;
    }
    case 'customer.merge': {
      const survivor = one(live);
      const merged = one(live, a.pick + 1 + (v % 3));
      if (survivor && merged && survivor.id !== merged.id) await run(a.op, { survivorId: survivor.id, mergedId: merged.id });
      return;
    }
    case 'customer.delete': {
      const c = one(live);
      if (c) await run(a.op, { customerId: c.id });
      return;
    }
    case 'order.create': {
      const c = one(customers);
      const platform = one(platforms, v);
      if (!c || !platform) return;
      const lines = [{ name: `商品${v % 7}`, qty: 1 + (v % 3), unitPriceFen: 100 * (v % 50) }];
      const fees = { deliveryFeeFen: v % 2 === 0 ? 0 : 800, serviceFeeFen: 300 };
      const totalFen = orderTotal({ lines, ...fees });
      await run(a.op, {
        orderId: uuidv7(),
        customerId: c.id,
        platformId: platform.id,
        platformOrderNo: v % 2 === 0 ? '' : `PO${v}`,
        lines,
        ...fees,
        depositFen: v % 4 === 0 ? totalFen : 0,
        totalFen,
        status: v % 2 === 0 ? 'draft' : 'placed',
      });
      return;
    }
    case 'order.transition': {
      const o = one(orders);
      const next = o ? ORDER_EDGES[o.status] : [];
      if (o && next.length > 0) await run(a.op, { orderId: o.id, from: o.status, to: next[v % next.length] });
      return;
    }
    case 'settings.update': {
      // Admins on two tablets change the same and different settings; history widens and narrows.
      const patch =
        v % 3 === 2
          ? { centrePhone: ['0991-555 0123', '13800138000', ''][Math.floor(v / 3) % 3]! }
          : v % 2 === 0
            ? { historyMonths: [3, 6, 12, 24][v % 4]! }
            : { notShippedDays: 1 + (v % 30), returnAfterDays: 1 + (v % 9) };
      await run(a.op, { patch });
      return;
    }
    case 'parcel.log': {
      // A small pool: two tablets log the same parcel, one of them is refused.
      const trackingNo = `YT7500${v % 8}00${v % 3}`;
      const held = new Set(waiting.map((p) => p.pickupCode));
      const pickupCode = PROPOSED_CODES.find((code) => !held.has(code)) ?? String(100_000 + v);
      await run(a.op, {
        parcelId: parcelIdFor(trackingNo),
        trackingNo,
        carrier: '圆通速递',
        customerId: v % 3 === 0 ? (one(customers)?.id ?? null) : null,
        orderId: v % 4 === 0 ? (one(orders, v)?.id ?? null) : null,
        pickupCode,
      });
      return;
    }
    case 'parcel.match': {
      const p = one(waiting);
      const c = one(customers, v);
      if (p && c) await run(a.op, { parcelId: p.id, customerId: c.id, orderId: v % 2 === 0 ? (one(orders, v)?.id ?? null) : null });
      return;
    }
    case 'parcel.handover': {
      const p = one(waiting);
      if (!p) return;
      if (v % 5 === 0) {
        const phone = customers.find((c) => c.id === p.customerId)?.phone ?? '';
        await run(a.op, { parcelId: p.id, method: 'phone_admin', code: phone });
      } else {
        await run(a.op, { parcelId: p.id, method: 'code', code: v % 7 === 0 ? '000000' : p.pickupCode });
      }
      return;
    }
    case 'parcel.return': {
      const p = one(waiting);
      if (p) await run(a.op, { parcelId: p.id });
      return;
    }
    case 'sale.onCredit': {
      // Two tablets selling on credit to one villager offline: both stand.
      const c = one(customers);
      const product = one(await db.products.orderBy('id').toArray(), v);
      if (!c || !product) return;
      const qty = 1 + (v % 3);
      const total = product.priceFen * qty;
      const cash = v % 2 === 0 ? Math.floor(total / 2) : 0;
      const mobile = v % 3 === 0 && total - cash > 1 ? 1 : 0;
      const payments = [
        ...(cash > 0 ? [{ means: 'cash', amountFen: cash }] : []),
        ...(mobile > 0 ? [{ means: 'wechat', amountFen: mobile, reference: '134567890123456789' }] : []),
        { means: 'credit', amountFen: total - cash - mobile },
      ];
      const saleId = uuidv7();
      await run('sale.create', {
        saleId,
        receiptNo: `C-${v}-${a.pick}`,
        lines: [{ productId: product.id, names: product.names, unit: product.unit, unitPriceFen: product.priceFen, qty }],
        tenderedFen: cash,
        customerId: c.id,
        payments,
        // Now and then an admin (every tablet's staff here is one) lets it pass the limit.
        ...(v % 4 === 0 ? { creditApprovedBy: ctx.staffId } : {}),
      });
      return saleId;
    }
    case 'credit.repay': {
      const c = one(customers);
      if (c) await run(a.op, { repaymentId: uuidv7(), receiptNo: `P-${v}`, customerId: c.id, amountFen: 100 + v, payments: [{ means: 'cash', amountFen: 100 + v }], tenderedFen: 100 + v });
      return;
    }
    case 'sale.refund': {
      // Two tablets refunding one sale offline: the second that would pass what was sold is refused.
      const sale = one(await db.sales.orderBy('id').toArray());
      if (sale) await run(a.op, { refundId: uuidv7(), saleId: sale.id, receiptNo: `F-${v}`, lines: [{ lineIndex: 0, qty: 1 }], reason: '退货' });
      return;
    }
    case 'sale.void': {
      // A void on one tablet and a refund of the same sale on another: what is left comes back once.
      const sale = one(await db.sales.orderBy('id').toArray(), v);
      if (sale) await run(a.op, { refundId: uuidv7(), saleId: sale.id, receiptNo: `V-${v}`, reason: '收错商品' });
      return;
    }
    case 'training.sessionStart': {
      const lessons = [{ id: 'photos', title: { en: 'Photos' }, questions: 2 }, { id: 'listing', title: { en: 'Listing' }, questions: 1 }];
      await run(a.op, {
        sessionId: uuidv7(), packId: 'sell-produce-online', courseTitle: { en: 'Selling online' },
        scope: v % 2 === 0 ? 'course' : 'lesson', lessons: v % 2 === 0 ? lessons : lessons.slice(0, 1),
      });
      return;
    }
    case 'training.attend': {
      // Another tablet may end the session first: its later marks are refused there, and converge.
      const session = one(await db.trainingSessions.orderBy('id').filter((x) => x.endedAt === null).toArray());
      const c = one(customers, v);
      if (session && c) await run(a.op, { sessionId: session.id, customerId: c.id, present: v % 5 !== 0 });
      return;
    }
    case 'training.answer': {
      const here = await db.attendances.orderBy('id').filter((x) => x.present).toArray();
      const mark = one(here);
      const session = mark && (await db.trainingSessions.get(mark.sessionId));
      if (!mark || !session || session.endedAt !== null) return;
      const answer = v % 4 === 0 ? null : ['bright', 'dark'][v % 2]!;
      await run(a.op, {
        sessionId: session.id, customerId: mark.customerId, lessonId: session.lessons[v % session.lessons.length]!.id,
        stepId: `quiz-${v % 2}`, answer, correct: answer === 'bright',
      });
      return;
    }
    case 'training.sessionEnd': {
      const session = one(await db.trainingSessions.orderBy('id').filter((x) => x.endedAt === null).toArray());
      if (session) await run(a.op, { sessionId: session.id });
      return;
    }
    case 'training.variantPhoto': {
      const bytes = VARIANT_PHOTOS[v % VARIANT_PHOTOS.length]!;
      await run(a.op, { sha256: hexOf(sha256(bytes)), type: 'image/jpeg', data: toBase64(bytes) });
      return;
    }
    case 'training.variantSave': {
      // Two lessons only: two tablets adapt the same one, and the later save wins on every tablet.
      const photo = one(await db.variantPhotos.orderBy('id').toArray(), v);
      const steps = v % 2 === 0 ? ['read', 'look', 'watch'] : ['watch', 'look', 'read'];
      await run(a.op, {
        packId: 'sell-produce-online', lessonId: ['photos', 'listing'][a.pick % 2], baseVersion: 1, baseHash: 'a'.repeat(64),
        order: photo ? [...steps, 'photo-1'] : steps, hidden: v % 3 === 0 ? ['watch'] : [], texts: { read: { en: `Read ${v}` } },
        photos: photo ? [{ id: 'photo-1', sha256: photo.sha256, text: { en: `Photo ${v}` } }] : [],
      });
      return;
    }
    case 'till.cashUp': {
      const day = new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
      await run(a.op, { cashUpId: uuidv7(), day, openingFloatFen: 10_000, countedFen: 10_000 + v, note: '' });
      return;
    }
  }
}
