import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { CENTRE_SETTINGS_ID } from '../../src/shared/domain/centre-settings';
import type { AnyRow, TableName } from '../../src/shared/domain/entities';
import { historyHorizon } from '../../src/shared/domain/history-scope';
import type { MutationEnvelope, PullResponse } from '../../src/shared/protocol/messages';
import { makeCentre, resigned, type TestCentre } from './support/centre';
import { orderArgs, parcelArgs, pushed, rowOf, transitionArgs, villageMutation, villagerArgs } from './support/village';
import { storeKinds, type OpenedStore } from './support/stores';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** Every page a tablet of `protocol` pulls from the start (no protocol: a tablet from before protocol 4). */
async function pullAll(app: Hono, token: string, protocol?: number) {
  const pages: PullResponse[] = [];
  for (let cursor = 0; ; ) {
    const query = `after=${cursor}&limit=5${protocol === undefined ? '' : `&protocol=${protocol}`}`;
    const page = (await (await app.request(`/api/sync/pull?${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as PullResponse;
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const ids = (table: TableName) => pages.flatMap((p) => (p.rows[table] ?? []) as AnyRow[]).map((r) => r.id);
  const olderLeftOut = pages.reduce((sum, p) => sum + (p.olderLeftOut ?? 0), 0);
  return { pages, ids, olderLeftOut };
}

describe.each(storeKinds())('history kept on the tablets on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  const at = (m: MutationEnvelope, createdAt: string) => resigned(shop, m, { createdAt });
  const ids: Record<'oldClosed' | 'oldOpen' | 'recentClosed' | 'oldParcel' | 'waitingParcel', string> = {} as never;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'H');
    const villager = villagerArgs();
    const oldClosed = orderArgs(shop, villager.customerId);
    const oldOpen = orderArgs(shop, villager.customerId);
    const recentClosed = orderArgs(shop, villager.customerId);
    const oldParcel = parcelArgs({ customerId: villager.customerId });
    const waitingParcel = parcelArgs({ customerId: villager.customerId });
    Object.assign(ids, {
      oldClosed: oldClosed.orderId,
      oldOpen: oldOpen.orderId,
      recentClosed: recentClosed.orderId,
      oldParcel: oldParcel.parcelId,
      waitingParcel: waitingParcel.parcelId,
    });
    const results = await pushed(app, shop, [
      at(villageMutation(shop, 'customer.create', villager), daysAgo(800)),
      // Cancelled two years ago: older history.
      at(villageMutation(shop, 'order.create', oldClosed), daysAgo(800)),
      at(villageMutation(shop, 'order.transition', transitionArgs(oldClosed.orderId, 'placed', 'cancelled')), daysAgo(799)),
      // Placed two years ago and never closed: an open order always stays on the tablets.
      at(villageMutation(shop, 'order.create', oldOpen), daysAgo(790)),
      // Cancelled last month: within the default twelve months.
      at(villageMutation(shop, 'order.create', recentClosed), daysAgo(40)),
      at(villageMutation(shop, 'order.transition', transitionArgs(recentClosed.orderId, 'placed', 'cancelled')), daysAgo(35)),
      // Sent back to the county two years ago, its pickup code freed then too.
      at(villageMutation(shop, 'parcel.log', oldParcel), daysAgo(700)),
      at(villageMutation(shop, 'parcel.return', { parcelId: oldParcel.parcelId }), daysAgo(690)),
      at(villageMutation(shop, 'parcel.log', waitingParcel), daysAgo(2)),
    ]);
    expect(results.every((r) => r === 'applied')).toBe(true);
  });
  afterAll(() => opened.dispose());

  it('leaves orders and parcels closed before the horizon on the server, sends open ones of any age, and says how many it left', async () => {
    const pulled = await pullAll(app, shop.device.token, 4);
    expect(pulled.ids('orders').sort()).toEqual([ids.oldOpen, ids.recentClosed].sort());
    expect(pulled.ids('parcels')).toEqual([ids.waitingParcel]);
    // The cancelled order, the returned parcel and its freed pickup code.
    expect(pulled.olderLeftOut).toBe(3);
    const horizon = Date.parse(historyHorizon(Date.now(), 12));
    for (const page of pulled.pages) expect(Math.abs(Date.parse(page.historyFrom!) - horizon)).toBeLessThan(60_000);
    // The server keeps them all.
    expect(await rowOf(opened.store, shop.centre.id, 'orders', ids.oldClosed)).toMatchObject({ status: 'cancelled' });
    expect(await rowOf(opened.store, shop.centre.id, 'parcels', ids.oldParcel)).toMatchObject({ status: 'returned' });
  });

  it('sends a tablet from before protocol 4 no settings and no horizon, and leaves the same older history out', async () => {
    expect(await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { returnAfterDays: 10 } }, shop.admin.id)])).toEqual(['applied']);
    const older = await pullAll(app, shop.device.token);
    expect(older.ids('settings')).toEqual([]);
    expect(older.pages.every((p) => p.historyFrom === undefined && p.olderLeftOut === undefined)).toBe(true);
    expect(older.ids('orders')).not.toContain(ids.oldClosed);
    const current = await pullAll(app, shop.device.token, 4);
    expect(current.ids('settings')).toEqual([CENTRE_SETTINGS_ID]);
  });

  it('sends the older history once an admin keeps more months, and refuses the setting from a clerk', async () => {
    const clerk = await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { historyMonths: 60 } }, shop.clerk.id)]);
    expect(clerk).toEqual(['not_permitted']);
    expect((await rowOf(opened.store, shop.centre.id, 'settings', CENTRE_SETTINGS_ID))?.historyMonths).toBe(12);

    const admin = await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { historyMonths: 36 } }, shop.admin.id)]);
    expect(admin).toEqual(['applied']);
    const settings = await rowOf(opened.store, shop.centre.id, 'settings', CENTRE_SETTINGS_ID);
    // The earlier change of another value stands beside this one.
    expect(settings).toMatchObject({ historyMonths: 36, returnAfterDays: 10, notShippedDays: 5 });

    const pulled = await pullAll(app, shop.device.token, 4);
    expect(pulled.ids('orders').sort()).toEqual([ids.oldClosed, ids.oldOpen, ids.recentClosed].sort());
    expect(pulled.ids('parcels').sort()).toEqual([ids.oldParcel, ids.waitingParcel].sort());
    expect(pulled.olderLeftOut).toBe(0);
  });

  it('refuses a setting out of its range with a reason, changing nothing', async () => {
    const before = await rowOf(opened.store, shop.centre.id, 'settings', CENTRE_SETTINGS_ID);
    const results = await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { historyMonths: 0 } }, shop.admin.id)]);
    expect(results).toEqual(['invalid_args']);
    expect(await rowOf(opened.store, shop.centre.id, 'settings', CENTRE_SETTINGS_ID)).toEqual(before);
  });
});
