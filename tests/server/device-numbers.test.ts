import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { createCentre } from '../../src/server/admin/operations';
import { MIGRATIONS } from '../../src/server/migrations/migrations';
import { enrolDevice } from './support/centre';
import { storeKinds, type BareDatabase, type OpenedStore } from './support/stores';

describe.each(storeKinds())('device numbers on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
  });
  afterAll(() => opened.dispose());

  it('numbers the tablets of a centre 1, 2, 3 and starts again at 1 in another centre', async () => {
    const north = await createCentre(opened.store, { 'zh-CN': '北站', en: 'North' });
    const south = await createCentre(opened.store, { 'zh-CN': '南站', en: 'South' });

    const northTablets = [];
    for (const name of ['Counter', 'Storeroom', 'Spare']) northTablets.push(await enrolDevice(opened.store, app, north.id, name));
    const southTablet = await enrolDevice(opened.store, app, south.id, 'Counter');

    expect(northTablets.map((t) => t.deviceNo)).toEqual([1, 2, 3]);
    expect(southTablet.deviceNo).toBe(1);
    const stored = (await opened.store.listDevices(north.id)).sort((a, b) => a.deviceNo - b.deviceNo);
    expect(stored.map((d) => [d.name, d.deviceNo])).toEqual([
      ['Counter', 1],
      ['Storeroom', 2],
      ['Spare', 3],
    ]);
  });

  it('never gives two tablets enrolling at the same moment the same number', async () => {
    const centre = await createCentre(opened.store, { 'zh-CN': '东站', en: 'East' });
    const first = await enrolDevice(opened.store, app, centre.id, 'First');

    const together = await Promise.all(Array.from({ length: 8 }, (_, i) => enrolDevice(opened.store, app, centre.id, `Tablet ${i}`)));

    const numbers = together.map((t) => t.deviceNo).sort((a, b) => a - b);
    expect(first.deviceNo).toBe(1);
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const stored = (await opened.store.listDevices(centre.id)).map((d) => d.deviceNo).sort((a, b) => a - b);
    expect(stored).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps the numbers across a restart and goes on counting after them, revoked tablets included', async () => {
    const centre = await createCentre(opened.store, { 'zh-CN': '西站', en: 'West' });
    const kept = await enrolDevice(opened.store, app, centre.id, 'Kept');
    const revoked = await enrolDevice(opened.store, app, centre.id, 'Revoked');
    await opened.store.revokeDevice(revoked.deviceId, new Date().toISOString());

    const store = await opened.restart();
    app = createApp({ store });

    const devices = (await store.listDevices(centre.id)).sort((a, b) => a.deviceNo - b.deviceNo);
    expect(devices.map((d) => [d.id, d.deviceNo])).toEqual([
      [kept.deviceId, 1],
      [revoked.deviceId, 2],
    ]);
    // A revoked tablet's number is never handed out again: its receipts stay unique.
    expect((await enrolDevice(store, app, centre.id, 'Replacement')).deviceNo).toBe(3);
  });
});

describe.each(storeKinds())('numbering tablets enrolled before device numbers on $name', (kind) => {
  let bare: BareDatabase;

  beforeAll(async () => {
    bare = await kind.bare();
  });
  afterAll(() => bare.dispose());

  it('numbers existing tablets of each centre in enrolment order when the server upgrades', async () => {
    const older = MIGRATIONS.filter((m) => m.version < 3);
    await bare.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);' +
        older.map((m) => (kind.name === 'sqlite' ? m.sqlite : m.postgres)).join('\n') +
        older.map((m) => `INSERT INTO schema_migrations VALUES (${m.version}, 'v${m.version}', '2024-01-01T00:00:00.000Z');`).join('\n'),
    );
    const centre = (id: string) => `INSERT INTO centres (id, names, created_at, updated_at) VALUES ('${id}', '{"en":"${id}"}', 't', 't');`;
    const device = (id: string, centreId: string, enrolledAt: string, revokedAt = 'NULL') =>
      `INSERT INTO devices (id, centre_id, name, token_hash, enrolled_at, revoked_at)
       VALUES ('${id}', '${centreId}', '${id}', 'hash-${id}', '${enrolledAt}', ${revokedAt});`;
    // Inserted out of enrolment order, with a tie broken by id.
    await bare.exec(
      [
        centre('north'),
        centre('south'),
        device('n-third', 'north', '2024-03-03T00:00:00.000Z'),
        device('n-first', 'north', '2024-01-01T00:00:00.000Z', "'2024-02-01T00:00:00.000Z'"),
        device('s-only', 'south', '2024-02-02T00:00:00.000Z'),
        device('n-second-b', 'north', '2024-02-02T00:00:00.000Z'),
        device('n-second-a', 'north', '2024-02-02T00:00:00.000Z'),
      ].join('\n'),
    );

    const store = await bare.open();
    await store.migrate();

    expect((await store.listDevices('north')).map((d) => [d.id, d.deviceNo])).toEqual([
      ['n-first', 1],
      ['n-second-a', 2],
      ['n-second-b', 3],
      ['n-third', 4],
    ]);
    expect((await store.listDevices('south')).map((d) => [d.id, d.deviceNo])).toEqual([['s-only', 1]]);

    const app = createApp({ store });
    expect((await enrolDevice(store, app, 'north', 'New')).deviceNo).toBe(5);
    expect((await enrolDevice(store, app, 'south', 'New')).deviceNo).toBe(2);
  });
});
