import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { importExport, ImportRefused } from '../../src/server/apply/import-export';
import { EXPORT_FORMAT, type ExportFile } from '../../src/shared/protocol/export-file';
import type { Sale } from '../../src/shared/domain/entities';
import type { MutationEnvelope, PullResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, pull, push, pushBody, resigned, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

describe.each(storeKinds())('importing a removed tablet’s changes on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let other: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'I');
    other = await makeCentre(opened.store, app, 'J');
  });
  afterAll(() => opened.dispose());

  const fileOf = (t: TestCentre, deviceId: string, mutations: MutationEnvelope[]): ExportFile => ({
    format: EXPORT_FORMAT,
    deviceId,
    centreId: t.centre.id,
    exportedAt: new Date().toISOString(),
    mutations,
  });
  const seqOf = (t: TestCentre) => opened.store.lastSeq(t.centre.id);

  it('applies a revoked tablet’s changes once; a second import changes nothing', async () => {
    const lost = await enrolDevice(opened.store, app, shop.centre.id, 'Lost tablet');
    const mine = (m: MutationEnvelope) => resigned(shop, m, {}, lost.deviceId);
    // One change went through before the tablet was removed.
    const early = mine(saleMutation(shop));
    const res = await push(app, lost.token, { ...pushBody(shop, [early]), deviceId: lost.deviceId });
    expect(res.status).toBe(200);
    expect(await opened.store.revokeDevice(lost.deviceId, new Date().toISOString())).toBe(true);

    const queued = [early, mine(saleMutation(shop)), mine(saleMutation(shop, 2)), mine(saleMutation(shop, 1, 1))];
    const file = fileOf(shop, lost.deviceId, queued);
    expect(await importExport(opened.store, file, { centreId: shop.centre.id })).toEqual({ applied: 2, refused: 1, alreadyApplied: 1 });
    const seq = await seqOf(shop);
    expect(await importExport(opened.store, JSON.parse(JSON.stringify(file)))).toEqual({ applied: 0, refused: 0, alreadyApplied: 4 });
    expect(await seqOf(shop)).toBe(seq);

    // The sales are the centre's, made by that tablet.
    const page = (await (await pull(app, shop.device.token, 0, 5000)).json()) as PullResponse;
    const saleIds = queued.slice(0, 3).map((m) => (m.args as { saleId: string }).saleId);
    expect((page.rows.sales as Sale[]).filter((s) => saleIds.includes(s.id)).map((s) => s.deviceId)).toEqual([lost.deviceId, lost.deviceId, lost.deviceId]);
  });

  it('refuses a forged proof and a proof made for another tablet, and changes nothing', async () => {
    const lost = await enrolDevice(opened.store, app, shop.centre.id, 'Second lost tablet');
    const seq = await seqOf(shop);
    const forged = { ...resigned(shop, saleMutation(shop), {}, lost.deviceId), proof: 'F'.repeat(22) };
    const elsewhere = saleMutation(shop); // signed for the shop's counter tablet
    const counts = await importExport(opened.store, fileOf(shop, lost.deviceId, [forged, elsewhere]));
    expect(counts).toEqual({ applied: 0, refused: 2, alreadyApplied: 0 });
    expect(await seqOf(shop)).toBe(seq);
  });

  it('refuses a file of another centre, of a tablet of another centre, or of no tablet, whole', async () => {
    const seqs = [await seqOf(shop), await seqOf(other)];
    const sale = saleMutation(shop);
    const cases: [unknown, { centreId?: string }, string][] = [
      [fileOf(shop, shop.device.deviceId, [sale]), { centreId: other.centre.id }, 'wrong_centre'],
      [{ ...fileOf(shop, shop.device.deviceId, [sale]), centreId: other.centre.id }, {}, 'wrong_centre'],
      [fileOf(shop, crypto.randomUUID(), [sale]), {}, 'unknown_device'],
      [{ ...fileOf(shop, shop.device.deviceId, [sale]), format: 'cunzhan-export-0' }, {}, 'invalid_file'],
      ['not a file', {}, 'invalid_file'],
    ];
    for (const [file, options, reason] of cases) {
      const refused = await importExport(opened.store, file, options).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ImportRefused);
      expect((refused as ImportRefused).reason).toBe(reason);
    }
    expect([await seqOf(shop), await seqOf(other)]).toEqual(seqs);
  });

  it('applies a large file in bounded batches, in order', async () => {
    const lost = await enrolDevice(opened.store, app, shop.centre.id, 'Busy tablet');
    const queued = Array.from({ length: 1_205 }, () => resigned(shop, saleMutation(shop), {}, lost.deviceId));
    expect(await importExport(opened.store, fileOf(shop, lost.deviceId, queued))).toEqual({ applied: 1_205, refused: 0, alreadyApplied: 0 });
  });
});
