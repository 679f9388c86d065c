import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { pickupCodeId } from '../../src/shared/domain/deterministic-id';
import type { EnrolResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';
import { orderArgs, parcelArgs, pushed, pushedResults, rowOf, transitionArgs, villageMutation as vm, villagerArgs } from './support/village';

describe.each(storeKinds())('parcels on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let second: EnrolResponse;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'Q');
    second = await enrolDevice(opened.store, app, shop.centre.id, 'Second tablet');
  });
  afterAll(() => opened.dispose());

  const onSecond = (kind: string, args: unknown, staffId = shop.clerk.id) => vm(shop, kind, args, staffId, second.deviceId);
  const pushSecond = (m: Parameters<typeof pushed>[2]) => pushedResults(app, shop, m, second.token, second.deviceId);
  const parcel = (id: string) => rowOf(opened.store, shop.centre.id, 'parcels', id);
  const claim = (code: string) => rowOf(opened.store, shop.centre.id, 'pickupCodes', pickupCodeId(code));

  /** A villager with a shipped order, as the counter has them when the parcel comes. */
  async function shippedOrder(phone = '13899120417') {
    const villager = villagerArgs({ phone });
    const order = orderArgs(shop, villager.customerId);
    const moves = (['paid', 'shipped'] as const).map((to, i) => vm(shop, 'order.transition', transitionArgs(order.orderId, i === 0 ? 'placed' : 'paid', to)));
    expect(await pushed(app, shop, [vm(shop, 'customer.create', villager), vm(shop, 'order.create', order), ...moves])).toEqual(Array(4).fill('applied'));
    return { villager, orderId: order.orderId };
  }

  it('logs a parcel: the order arrives, the code is claimed, and a handover collects both and releases the code', async () => {
    const { villager, orderId } = await shippedOrder();
    const args = parcelArgs({ orderId, pickupCode: '482913' });
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', args)])).toEqual(['applied']);
    expect(await parcel(args.parcelId)).toMatchObject({ status: 'waiting', pickupCode: '482913', customerId: villager.customerId, orderId, trackingNo: args.trackingNo });
    expect(await claim('482913')).toMatchObject({ parcelId: args.parcelId, active: true });
    expect((await rowOf(opened.store, shop.centre.id, 'orders', orderId))?.status).toBe('arrived');

    expect(await pushed(app, shop, [vm(shop, 'parcel.handover', { parcelId: args.parcelId, method: 'code', code: '482913' })])).toEqual(['applied']);
    expect(await parcel(args.parcelId)).toMatchObject({ status: 'collected', collectedBy: shop.clerk.id, handoverMethod: 'code' });
    expect(await claim('482913')).toMatchObject({ active: false });
    const order = (await rowOf(opened.store, shop.centre.id, 'orders', orderId))!;
    expect(order.status).toBe('collected');
    expect(order.history.map((h) => h.status)).toEqual(['placed', 'paid', 'shipped', 'arrived', 'collected']);
  });

  it('refuses a tracking number logged twice, with the existing parcel’s id; and a parcel id that is not its tracking number’s', async () => {
    const args = parcelArgs({ trackingNo: 'yt 7518 8420 93361' });
    const normalised = { ...args, trackingNo: 'YT7518842093361' };
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', args)])).toEqual(['applied']);
    const again = onSecond('parcel.log', { ...normalised, pickupCode: '111222' });
    expect(await pushSecond([again])).toEqual([{ id: again.id, status: 'refused', code: 'duplicate_tracking', detail: args.parcelId }]);
    const forged = parcelArgs();
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', { ...forged, parcelId: args.parcelId, trackingNo: 'SF0000000001' })])).toEqual(['invalid_args']);
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', { ...forged, trackingNo: 'abc' })])).toEqual(['invalid_args']);
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', { ...forged, pickupCode: '12345' })])).toEqual(['invalid_args']);
  });

  it('two tablets claiming one code: the second parcel gets another', async () => {
    const a = parcelArgs({ pickupCode: '777777' });
    const b = parcelArgs({ pickupCode: '777777' });
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', a)])).toEqual(['applied']);
    expect((await pushSecond([onSecond('parcel.log', b)]))[0]?.status).toBe('applied');
    const codeB = (await parcel(b.parcelId))!.pickupCode;
    expect(codeB).not.toBe('777777');
    expect(await claim('777777')).toMatchObject({ parcelId: a.parcelId, active: true });
    expect(await claim(codeB)).toMatchObject({ parcelId: b.parcelId, active: true });
  });

  it('two tablets hand one parcel over offline: one applies, the other is refused already_collected', async () => {
    const args = parcelArgs({ pickupCode: '246810' });
    await pushed(app, shop, [vm(shop, 'parcel.log', args)]);
    const handover = { parcelId: args.parcelId, method: 'code', code: '246810' };
    expect(await pushed(app, shop, [vm(shop, 'parcel.handover', handover)])).toEqual(['applied']);
    const collectedAt = (await parcel(args.parcelId))!.collectedAt;
    const late = onSecond('parcel.handover', handover);
    expect(await pushSecond([late])).toEqual([{ id: late.id, status: 'refused', code: 'already_collected', detail: collectedAt }]);
    expect(await pushed(app, shop, [vm(shop, 'parcel.return', { parcelId: args.parcelId })])).toEqual(['already_collected']);
  });

  it('refuses a wrong pickup code and changes nothing', async () => {
    const args = parcelArgs({ pickupCode: '135791' });
    await pushed(app, shop, [vm(shop, 'parcel.log', args)]);
    const before = await parcel(args.parcelId);
    expect(await pushed(app, shop, [vm(shop, 'parcel.handover', { parcelId: args.parcelId, method: 'code', code: '135792' })])).toEqual(['wrong_pickup_code']);
    expect(await parcel(args.parcelId)).toEqual(before);
    expect(await claim('135791')).toMatchObject({ active: true });
  });

  it('hands over by phone only when an admin signs it and the phone is the villager’s', async () => {
    const { villager, orderId } = await shippedOrder('15909913386');
    const args = parcelArgs({ orderId });
    await pushed(app, shop, [vm(shop, 'parcel.log', args)]);
    const byPhone = (code: string, staffId = shop.admin.id) => vm(shop, 'parcel.handover', { parcelId: args.parcelId, method: 'phone_admin', code }, staffId);
    expect(await pushed(app, shop, [byPhone('15909913386', shop.clerk.id)])).toEqual(['not_permitted']);
    expect(await pushed(app, shop, [byPhone('13899120417')])).toEqual(['wrong_pickup_code']);
    expect(await pushed(app, shop, [byPhone('+86 159-0991-3386')])).toEqual(['applied']);
    expect(await parcel(args.parcelId)).toMatchObject({ status: 'collected', handoverMethod: 'phone_admin', collectedBy: shop.admin.id, customerId: villager.customerId });
  });

  it('a parcel without a villager cannot be handed over by phone', async () => {
    const args = parcelArgs();
    await pushed(app, shop, [vm(shop, 'parcel.log', args)]);
    expect(await pushed(app, shop, [vm(shop, 'parcel.handover', { parcelId: args.parcelId, method: 'phone_admin', code: '' }, shop.admin.id)])).toEqual(['wrong_pickup_code']);
  });

  it('returns a waiting parcel: the code is released and reused, its order returned', async () => {
    const { orderId } = await shippedOrder();
    const args = parcelArgs({ orderId, pickupCode: '909090' });
    await pushed(app, shop, [vm(shop, 'parcel.log', args)]);
    expect(await pushed(app, shop, [vm(shop, 'parcel.return', { parcelId: args.parcelId })])).toEqual(['applied']);
    expect(await parcel(args.parcelId)).toMatchObject({ status: 'returned' });
    expect((await rowOf(opened.store, shop.centre.id, 'orders', orderId))?.status).toBe('returned');
    const next = parcelArgs({ pickupCode: '909090' });
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', next)])).toEqual(['applied']);
    expect(await claim('909090')).toMatchObject({ parcelId: next.parcelId, active: true });
  });

  it('log, match to a merged villager and hand over by phone in one batch: each sees what the one before wrote', async () => {
    const { villager: survivor, orderId } = await shippedOrder('17799413608');
    const twin = villagerArgs({ name: '马海燕', phone: '13565439902' });
    await pushed(app, shop, [vm(shop, 'customer.create', twin)]);
    await pushed(app, shop, [vm(shop, 'customer.merge', { survivorId: survivor.customerId, mergedId: twin.customerId }, shop.admin.id)]);
    const args = parcelArgs();
    expect(
      await pushed(app, shop, [
        vm(shop, 'parcel.log', args, shop.admin.id),
        vm(shop, 'parcel.match', { parcelId: args.parcelId, customerId: twin.customerId, orderId }, shop.admin.id),
        vm(shop, 'parcel.handover', { parcelId: args.parcelId, method: 'phone_admin', code: '17799413608' }, shop.admin.id),
      ]),
    ).toEqual(['applied', 'applied', 'applied']);
    expect(await parcel(args.parcelId)).toMatchObject({ status: 'collected', customerId: survivor.customerId, orderId });
    expect((await rowOf(opened.store, shop.centre.id, 'orders', orderId))?.status).toBe('collected');
  });
});
