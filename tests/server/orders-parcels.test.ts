import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { MAX_FEN } from '../../src/shared/domain/money';
import type { EnrolResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';
import { orderArgs, parcelArgs, pushed, pushedResults, rowOf, rowsOf, transitionArgs, villageMutation as vm, villagerArgs } from './support/village';

describe.each(storeKinds())('assisted orders on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let second: EnrolResponse;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'O');
    second = await enrolDevice(opened.store, app, shop.centre.id, 'Second tablet');
  });
  afterAll(() => opened.dispose());

  const onSecond = (kind: string, args: unknown) => vm(shop, kind, args, shop.clerk.id, second.deviceId);
  const pushSecond = (m: Parameters<typeof pushed>[2]) => pushed(app, shop, m, second.token, second.deviceId);
  const order = (id: string) => rowOf(opened.store, shop.centre.id, 'orders', id);

  async function placedOrder(status: 'draft' | 'placed' = 'placed') {
    const villager = villagerArgs();
    const args = orderArgs(shop, villager.customerId, { status });
    expect(await pushed(app, shop, [vm(shop, 'customer.create', villager), vm(shop, 'order.create', args)])).toEqual(['applied', 'applied']);
    return args.orderId;
  }

  it('every centre has the standard platforms', async () => {
    const names = (await rowsOf(opened.store, shop.centre.id, 'platforms')).map((p) => p.names['zh-CN']);
    expect(names.sort()).toEqual(['京东', '抖音', '拼多多', '淘宝'].sort());
  });

  it('creates an order with its history, and refuses forged totals and bad amounts with nothing written', async () => {
    const orderId = await placedOrder();
    expect(await order(orderId)).toMatchObject({ status: 'placed', totalFen: 34890, history: [{ status: 'placed', staffId: shop.clerk.id }] });

    const villager = villagerArgs();
    await pushed(app, shop, [vm(shop, 'customer.create', villager)]);
    const before = await opened.store.lastSeq(shop.centre.id);
    const bad = (overrides: Record<string, unknown>) => vm(shop, 'order.create', orderArgs(shop, villager.customerId, overrides));
    const line = (qty: number, unitPriceFen: number) => ({ lines: [{ name: '化肥', qty, unitPriceFen }], deliveryFeeFen: 0, serviceFeeFen: 0, depositFen: 0 });
    expect(
      await pushed(app, shop, [
        bad({ totalFen: 100, depositFen: 0 }),
        bad({ ...line(2, 1000), totalFen: 2001 }),
        bad({ deliveryFeeFen: -1 }),
        bad({ ...line(1, -500), totalFen: -500 }),
        bad({ ...line(1, MAX_FEN + 1), totalFen: MAX_FEN + 1 }),
        bad({ ...line(0, 100), totalFen: 0 }),
        bad({ ...line(1000, 100), totalFen: 100_000 }),
        bad({ ...line(1, 1.5), totalFen: 1.5 }),
        bad({ ...line(1, 100), totalFen: 100, depositFen: 200 }),
        bad({ ...line(999, MAX_FEN / 10), totalFen: MAX_FEN }),
        bad({ lines: [] }),
        bad({ status: 'paid' }),
      ]),
    ).toEqual(['bad_total', 'bad_total', 'invalid_args', 'invalid_args', 'invalid_args', 'invalid_args', 'invalid_args', 'invalid_args', 'invalid_args', 'bad_total', 'invalid_args', 'invalid_args']);
    expect(await opened.store.lastSeq(shop.centre.id)).toBe(before);
  });

  it('refuses an order for an unknown villager or platform', async () => {
    const villager = villagerArgs();
    await pushed(app, shop, [vm(shop, 'customer.create', villager)]);
    const unknownPlatform = orderArgs(shop, villager.customerId, { platformId: shop.rice.id });
    const unknownVillager = orderArgs(shop, shop.rice.id);
    expect(await pushed(app, shop, [vm(shop, 'order.create', unknownPlatform), vm(shop, 'order.create', unknownVillager)])).toEqual([
      'unknown_platform',
      'unknown_customer',
    ]);
  });

  it('refuses an illegal transition with the reason and changes nothing', async () => {
    const orderId = await placedOrder();
    const before = await order(orderId);
    const seq = await opened.store.lastSeq(shop.centre.id);
    const results = await pushedResults(app, shop, [
      vm(shop, 'order.transition', transitionArgs(orderId, 'placed', 'shipped')),
      vm(shop, 'order.transition', transitionArgs(orderId, 'placed', 'draft')),
      vm(shop, 'order.transition', transitionArgs(orderId, 'placed', 'placed')),
    ]);
    expect(results.map((r) => (r.status === 'refused' ? [r.code, r.detail] : r.status))).toEqual([
      ['illegal_transition', 'placed'],
      ['illegal_transition', 'placed'],
      ['illegal_transition', 'placed'],
    ]);
    expect(await order(orderId)).toEqual(before);
    expect(await opened.store.lastSeq(shop.centre.id)).toBe(seq);
  });

  it('two tablets move one order offline: either arrival order ends cancelled, the loser refused or superseded', async () => {
    const first = await placedOrder();
    const other = await placedOrder();
    // Tablet one marks it paid, tablet two cancels it, both from "placed".
    const paidA = vm(shop, 'order.transition', transitionArgs(first, 'placed', 'paid'));
    const cancelA = onSecond('order.transition', transitionArgs(first, 'placed', 'cancelled'));
    expect(await pushed(app, shop, [paidA])).toEqual(['applied']);
    expect(await pushSecond([cancelA])).toEqual(['applied']);

    const paidB = vm(shop, 'order.transition', transitionArgs(other, 'placed', 'paid'));
    const cancelB = onSecond('order.transition', transitionArgs(other, 'placed', 'cancelled'));
    expect(await pushSecond([cancelB])).toEqual(['applied']);
    const late = await pushedResults(app, shop, [paidB]);
    expect(late).toEqual([{ id: paidB.id, status: 'refused', code: 'order_conflict', detail: 'cancelled' }]);

    const a = (await order(first))!;
    const b = (await order(other))!;
    expect([a.status, b.status]).toEqual(['cancelled', 'cancelled']);
    expect(a.history.find((h) => h.mutationId === paidA.id)).toMatchObject({ status: 'paid', supersededBy: cancelA.id, deviceId: shop.device.deviceId });
    expect(a.history.find((h) => h.mutationId === cancelA.id)).toMatchObject({ status: 'cancelled', deviceId: second.deviceId });
    expect(b.history.map((h) => h.status)).toEqual(['placed', 'cancelled']);
  });

  it('a trainer may register a villager but not order; a clerk may not merge, delete or edit platforms', async () => {
    const villager = villagerArgs();
    expect(await pushed(app, shop, [vm(shop, 'customer.create', villager)])).toEqual(['applied']);
    expect(
      await pushed(app, shop, [
        vm(shop, 'customer.merge', { survivorId: villager.customerId, mergedId: shop.rice.id }),
        vm(shop, 'customer.delete', { customerId: villager.customerId }),
        vm(shop, 'platform.create', { platformId: shop.rice.id, names: { 'zh-CN': '闲鱼' } }),
      ]),
    ).toEqual(['not_permitted', 'not_permitted', 'not_permitted']);
  });

  it('merge: orders and parcels for the merged villager are written for the survivor; delete: refused after', async () => {
    const survivor = villagerArgs({ name: '王德福' });
    const twin = villagerArgs({ name: '王得福', phone: '139 0994 5178' });
    await pushed(app, shop, [vm(shop, 'customer.create', survivor), vm(shop, 'customer.create', twin)]);
    expect(await pushed(app, shop, [vm(shop, 'customer.merge', { survivorId: survivor.customerId, mergedId: twin.customerId }, shop.admin.id)])).toEqual(['applied']);
    expect(await rowOf(opened.store, shop.centre.id, 'customers', twin.customerId)).toMatchObject({ mergedInto: survivor.customerId, phone: '13909945178' });
    const forTwin = orderArgs(shop, twin.customerId);
    const parcel = parcelArgs({ customerId: twin.customerId });
    expect(await pushed(app, shop, [vm(shop, 'order.create', forTwin), vm(shop, 'parcel.log', parcel)])).toEqual(['applied', 'applied']);
    expect((await order(forTwin.orderId))?.customerId).toBe(survivor.customerId);
    expect((await rowOf(opened.store, shop.centre.id, 'parcels', parcel.parcelId))?.customerId).toBe(survivor.customerId);
    // Merged: no longer edited or merged again.
    expect(await pushed(app, shop, [vm(shop, 'customer.update', { customerId: twin.customerId, patch: { name: 'x' } })])).toEqual(['unknown_customer']);

    expect(await pushed(app, shop, [vm(shop, 'customer.delete', { customerId: survivor.customerId }, shop.admin.id)])).toEqual(['applied']);
    expect(await rowOf(opened.store, shop.centre.id, 'customers', survivor.customerId)).toMatchObject({ name: '王德福', deleted: true, phone: '', village: '' });
    expect(
      await pushed(app, shop, [
        vm(shop, 'order.create', orderArgs(shop, survivor.customerId)),
        vm(shop, 'parcel.log', parcelArgs({ customerId: survivor.customerId })),
        vm(shop, 'customer.update', { customerId: survivor.customerId, patch: { name: '王德福' } }),
      ]),
    ).toEqual(['unknown_customer', 'unknown_customer', 'unknown_customer']);
  });

  it('another centre’s villager, order and parcel are unknown here, and nothing of theirs changes', async () => {
    const orderId = await placedOrder();
    const villagerId = (await order(orderId))!.customerId;
    const parcel = parcelArgs({ customerId: villagerId, orderId });
    expect(await pushed(app, shop, [vm(shop, 'parcel.log', parcel)])).toEqual(['applied']);
    const theirs = await opened.store.pull(shop.centre.id, 0, 1_000_000);

    const other = await makeCentre(opened.store, app, 'P');
    const otherVillager = villagerArgs();
    await pushed(app, other, [vm(other, 'customer.create', otherVillager)]);
    const ours = (kind: string, args: unknown) => vm(other, kind, args, other.clerk.id);
    expect(
      await pushed(app, other, [
        ours('order.create', orderArgs(other, villagerId)),
        ours('order.create', orderArgs(other, otherVillager.customerId, { platformId: orderArgs(shop, villagerId).platformId })),
        ours('order.transition', transitionArgs(orderId, 'placed', 'cancelled')),
        ours('customer.update', { customerId: villagerId, patch: { name: '冒名' } }),
        ours('parcel.match', { parcelId: parcel.parcelId, customerId: otherVillager.customerId, orderId: null }),
        ours('parcel.handover', { parcelId: parcel.parcelId, method: 'code', code: parcel.pickupCode }),
        ours('parcel.return', { parcelId: parcel.parcelId }),
        ours('parcel.log', parcelArgs({ customerId: villagerId })),
        ours('parcel.log', parcelArgs({ orderId })),
      ]),
    ).toEqual(['unknown_customer', 'unknown_platform', 'unknown_order', 'unknown_customer', 'unknown_parcel', 'unknown_parcel', 'unknown_parcel', 'unknown_customer', 'unknown_order']);
    expect(await opened.store.pull(shop.centre.id, 0, 1_000_000)).toEqual(theirs);
  });
});
