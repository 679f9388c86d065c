import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeServerRows } from '../../src/server/admin/operations';
import { standardPlatformId } from '../../src/server/seed/platforms';
import { updateCentreSettings } from '../../src/client/data/commands/settings-update';
import { getMeta } from '../../src/client/data/meta';
import type { CunzhanDb } from '../../src/client/data/db';
import { allSyncedRows } from '../../src/client/data/synced-rows';
import { settingsOf } from '../../src/shared/domain/centre-settings';
import { closedAt, historyHorizon } from '../../src/shared/domain/history-scope';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { Order } from '../../src/shared/domain/orders';
import type { Customer } from '../../src/shared/domain/villagers';
import { startTestServer, syncedTablets, type TestServer } from './support/test-server';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe('the history horizon', () => {
  it('goes back whole calendar months in UTC, to the last day of a shorter month', () => {
    expect(historyHorizon(Date.parse('2026-12-01T08:30:00.000Z'), 12)).toBe('2025-12-01T08:30:00.000Z');
    expect(historyHorizon(Date.parse('2026-03-31T23:00:00.000Z'), 1)).toBe('2026-02-28T23:00:00.000Z');
    expect(historyHorizon(Date.parse('2028-03-31T00:00:00.000Z'), 1)).toBe('2028-02-29T00:00:00.000Z');
    expect(historyHorizon(Date.parse('2026-01-15T00:00:00.000Z'), 3)).toBe('2025-10-15T00:00:00.000Z');
  });

  it('counts an order, parcel or pickup code closed from its last change, and open ones never', () => {
    const base = { id: uuidv7(), centreId: uuidv7(), createdAt: daysAgo(9), updatedAt: daysAgo(2), createdBy: uuidv7() };
    expect(closedAt('orders', { ...base, status: 'collected' } as Order)).toBe(base.updatedAt);
    expect(closedAt('orders', { ...base, status: 'arrived' } as Order)).toBeNull();
    expect(closedAt('parcels', { ...base, status: 'waiting' } as never)).toBeNull();
    expect(closedAt('parcels', { ...base, status: 'returned' } as never)).toBe(base.updatedAt);
    expect(closedAt('pickupCodes', { ...base, active: false } as never)).toBe(base.updatedAt);
    expect(closedAt('customers', { ...base } as never)).toBeNull();
  });

  it('reads settings out of range as the defaults', () => {
    expect(settingsOf({ historyMonths: 0, notShippedDays: 2.5, returnAfterDays: 14 })).toEqual({
      historyMonths: 12,
      notShippedDays: 5,
      notCollectedDays: 3,
      returnAfterDays: 14,
      creditLimitFen: 50_000,
    });
  });
});

describe('a tablet keeps open orders and recent history', () => {
  let server: TestServer;
  const ids = { oldClosed: uuidv7(), oldOpen: uuidv7(), monthsClosed: uuidv7() };

  function order(id: string, status: Order['status'], updatedAt: string, customerId: string): Order {
    const lines = [{ name: '电饭煲', qty: 1, unitPriceFen: 19900 }];
    return {
      id, centreId: server.centre.id, createdAt: daysAgo(900), updatedAt, createdBy: server.staff.id, customerId,
      platformId: standardPlatformId(server.centre.id, 'jd'), platformOrderNo: `JD${id.slice(-6)}`, lines,
      deliveryFeeFen: 0, serviceFeeFen: 300, depositFen: 0, totalFen: 20200, status, history: [], deviceId: 'server',
    };
  }

  beforeEach(async () => {
    server = await startTestServer();
    const customer: Customer = {
      id: uuidv7(), centreId: server.centre.id, createdAt: daysAgo(900), updatedAt: daysAgo(900), createdBy: server.staff.id,
      name: '赵秀英', consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '',
      mergedInto: null, deleted: false,
    };
    await writeServerRows(server.store, server.centre.id, [
      { table: 'customers', row: customer },
      { table: 'orders', row: order(ids.oldClosed, 'collected', daysAgo(700), customer.id) },
      { table: 'orders', row: order(ids.oldOpen, 'placed', daysAgo(800), customer.id) },
      { table: 'orders', row: order(ids.monthsClosed, 'collected', daysAgo(120), customer.id) },
    ]);
  });
  afterEach(() => server.close());

  const held = async (tablet: { db: CunzhanDb }) => (await allSyncedRows(tablet.db, 'orders')).map((o) => o.id).sort();

  it('pulls no order closed before the horizon and says the server holds older history', async () => {
    const [tablet] = await syncedTablets(server, 'counter');
    expect(await held(tablet)).toEqual([ids.oldOpen, ids.monthsClosed].sort());
    expect(await getMeta(tablet.db, 'olderHistory')).toBe(true);
    const complete = Date.parse((await getMeta(tablet.db, 'historyComplete'))!);
    expect(Math.abs(complete - Date.parse(historyHorizon(Date.now(), 12)))).toBeLessThan(60_000);
  });

  it('fetches the older orders again when an admin keeps more months, on every tablet of the centre', async () => {
    const [admin, other] = await syncedTablets(server, 'counter', 'back office');
    await updateCentreSettings({ historyMonths: 36 }, admin.ctx);
    await admin.engine.runOnce();
    expect(await held(admin)).toEqual([ids.oldClosed, ids.oldOpen, ids.monthsClosed].sort());
    expect(await getMeta(admin.db, 'olderHistory')).toBe(false);

    await other.engine.runOnce();
    expect(await held(other)).toEqual([ids.oldClosed, ids.oldOpen, ids.monthsClosed].sort());
    expect((await other.db.settings.toArray())[0]?.historyMonths).toBe(36);
  });

  it('prunes closed orders that fall out when an admin keeps fewer months, keeping open ones of any age', async () => {
    const [admin, other] = await syncedTablets(server, 'counter', 'back office');
    await updateCentreSettings({ historyMonths: 3 }, admin.ctx);
    await admin.engine.runOnce();
    await other.engine.runOnce();
    for (const tablet of [admin, other]) {
      expect(await held(tablet)).toEqual([ids.oldOpen]);
      expect(await getMeta(tablet.db, 'olderHistory')).toBe(true);
    }
    // The server keeps all of them.
    const page = await server.store.pull(server.centre.id, 0, 1000);
    expect(page.rows.filter((r) => r.table === 'orders')).toHaveLength(3);
  });
});
