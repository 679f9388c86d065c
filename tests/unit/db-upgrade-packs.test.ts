import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CunzhanDb } from '../../src/client/data/db';
import { getDevice } from '../../src/client/data/device';
import { uuidv7 } from '../../src/shared/domain/ids';
import { openShippedVersion } from './support/shipped-db';

describe('database version 6 (course packs)', () => {
  it('a version 5 tablet opens with its data, its queue and its enrolment, and can hold packs', async () => {
    const name = `upgrade-packs-${uuidv7()}`;
    // Versions 1 to 5 exactly as they shipped: a tablet from before course packs.
    const v5 = openShippedVersion(name, 5);
    const now = new Date().toISOString();
    const centreId = uuidv7();
    const device = {
      deviceId: uuidv7(), deviceNo: 3, token: 'token-of-the-tablet', name: 'Counter tablet', enrolledAt: now,
      centre: { id: centreId, name: { 'zh-CN': '测试站' }, createdAt: now, updatedAt: now },
    };
    const settings = { id: centreId, centreId, createdAt: now, updatedAt: now, createdBy: uuidv7(), historyDays: 90 };
    const queued = {
      id: uuidv7(), kind: 'settings.update', args: { historyDays: 90 }, staffId: settings.createdBy, deviceId: device.deviceId,
      centreId, createdAt: now, protocolVersion: 1, touched: [`settings:${centreId}`], before: [],
    };
    await v5.table('meta').add({ key: 'device', value: device });
    await v5.table('settings').add(settings);
    await v5.table('outbox').add(queued);
    v5.close();

    const current = new CunzhanDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(6);
    expect(await getDevice(current)).toEqual(device);
    expect(await current.settings.get(centreId)).toEqual(settings);
    expect(await current.outbox.toArray()).toMatchObject([queued]);
    expect(await current.packs.count()).toBe(0);

    // The new tables take a pack, its file and the file's bytes.
    const sha256 = 'a'.repeat(64);
    await current.packFiles.add({ sha256, size: 3, type: 'image/webp', storedBytes: 3, chunks: 1, verified: true });
    await current.packChunks.add({ sha256, index: 0, data: new Blob([new Uint8Array([1, 2, 3])]) });
    const chunk = await current.packChunks.get([sha256, 0]);
    expect(chunk?.data.size).toBe(3);
    current.close();
  });
});
