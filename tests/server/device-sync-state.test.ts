import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { makeCentre, pull, push, pushBody, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

describe.each(storeKinds())('what the server records of each tablet on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'D');
  });
  afterAll(() => opened.dispose());

  const device = async () => (await opened.store.getDevice(shop.device.deviceId))!;

  it('records the last push and pull, the app version and the changes still held', async () => {
    expect(await device()).toMatchObject({ lastSyncAt: null, appVersion: null, pendingCount: null });
    const since = new Date().toISOString();
    const headers = { 'X-Cunzhan-App-Version': '1.4.0+abc', 'X-Cunzhan-Pending': '12' };
    expect((await push(app, shop.device.token, pushBody(shop, [saleMutation(shop)]), headers)).status).toBe(200);
    const afterPush = await device();
    expect(afterPush).toMatchObject({ appVersion: '1.4.0+abc', pendingCount: 12 });
    expect(afterPush.lastSyncAt! >= since).toBe(true);

    const res = await app.request('/api/sync/pull?after=0', {
      headers: { authorization: `Bearer ${shop.device.token}`, 'X-Cunzhan-Pending': '0' },
    });
    expect(res.status).toBe(200);
    expect(await device()).toMatchObject({ appVersion: '1.4.0+abc', pendingCount: 0 });
  });

  it('ignores a malformed report rather than refuse the sync', async () => {
    const headers = { 'X-Cunzhan-App-Version': 'v'.repeat(41), 'X-Cunzhan-Pending': '-3' };
    expect((await push(app, shop.device.token, pushBody(shop, [saleMutation(shop)]), headers)).status).toBe(200);
    expect(await device()).toMatchObject({ appVersion: '1.4.0+abc', pendingCount: 0 });
    expect((await pull(app, shop.device.token, 0)).status).toBe(200);
  });

  it('tells a removed tablet so (device_revoked), and an unknown token only that it is unknown', async () => {
    expect(await opened.store.revokeDevice(shop.device.deviceId, new Date().toISOString())).toBe(true);
    for (const res of [await pull(app, shop.device.token, 0), await push(app, shop.device.token, pushBody(shop, [saleMutation(shop)]))]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'device_revoked' });
    }
    const unknown = await pull(app, 'Z'.repeat(43), 0);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'unauthorized' });
  });
});
