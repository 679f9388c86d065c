import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { CENTRE_SETTINGS_ID } from '../../src/shared/domain/centre-settings';
import { makeCentre, type TestCentre } from './support/centre';
import { pushed, rowOf, villageMutation } from './support/village';
import { storeKinds, type OpenedStore } from './support/stores';

describe.each(storeKinds())('the centre phone printed on receipts, on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'P');
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  const phoneOf = async () => (await rowOf(opened.store, shop.centre.id, 'settings', CENTRE_SETTINGS_ID))?.centrePhone;

  it('an admin sets it beside the other settings, and another value changed meanwhile stands', async () => {
    expect(await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { returnAfterDays: 9 } }, shop.admin.id)])).toEqual(['applied']);
    expect(await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { centrePhone: '0991-555 0123' } }, shop.admin.id)])).toEqual(['applied']);
    expect(await rowOf(opened.store, shop.centre.id, 'settings', CENTRE_SETTINGS_ID)).toMatchObject({ centrePhone: '0991-555 0123', returnAfterDays: 9 });
  });

  it('refuses what is not a phone, or a clerk setting it, changing nothing', async () => {
    for (const centrePhone of ['call us', '1'.repeat(21), 123]) {
      expect(await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { centrePhone } }, shop.admin.id)])).toEqual(['invalid_args']);
    }
    expect(await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { centrePhone: '13800000000' } }, shop.clerk.id)])).toEqual(['not_permitted']);
    expect(await phoneOf()).toBe('0991-555 0123');
  });

  it("'' clears it", async () => {
    expect(await pushed(app, shop, [villageMutation(shop, 'settings.update', { patch: { centrePhone: '' } }, shop.admin.id)])).toEqual(['applied']);
    expect(await phoneOf()).toBe('');
  });
});
