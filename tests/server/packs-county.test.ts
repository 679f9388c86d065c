import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { mediaDirOf } from '../../src/server/packs/media-files';
import { COUNTY_PACK_API, type PackImportResponse, type PackListResponse } from '../../src/shared/packs/pack-api';
import { makeCountyAdmin, signIn, type CountyClient } from './support/county';
import { filesUnder, testPack, writePackZip } from './support/pack-fixture';
import { storeKinds, type OpenedStore } from './support/stores';

describe.each(storeKinds())('course packs in the county admin area on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let admin: CountyClient;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store, dataDir: opened.config.dataDir });
    await makeCountyAdmin(opened.store);
    admin = await signIn(app);
  });
  afterAll(() => opened.dispose());

  const upload = (zip: Uint8Array, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(COUNTY_PACK_API.packs, {
        method: 'POST',
        headers: { 'content-type': 'application/zip', cookie: `cz_admin=${admin.cookie}`, 'x-csrf-token': admin.csrf, ...headers },
        body: new Uint8Array(zip),
      }),
    );

  it('imports an uploaded zip as the next version, and the same zip again changes nothing', async () => {
    const zip = readFileSync(writePackZip(testPack('county-course')));
    const first = await upload(zip);
    expect(first.status).toBe(201);
    expect((await first.json()) as PackImportResponse).toMatchObject({ id: 'county-course', version: 1, created: true, files: 4, newFiles: 4 });
    const again = await upload(zip);
    expect(again.status).toBe(200);
    expect((await again.json()) as PackImportResponse).toMatchObject({ version: 1, created: false, newFiles: 0 });

    const list = (await (await admin.get(COUNTY_PACK_API.packs)).json()) as PackListResponse;
    expect(list.packs.map((p) => [p.id, p.version, p.fileCount])).toEqual([['county-course', 1, 4]]);
    // Nothing of the upload itself stays behind.
    expect(filesUnder(mediaDirOf(opened.config.dataDir)).filter((f) => f.startsWith('.incoming/'))).toEqual([]);
  });

  it('answers a refused pack 422 with the reason, keeping nothing', async () => {
    const pack = testPack('refused-course');
    delete pack.files['media/clip.webm'];
    const before = filesUnder(mediaDirOf(opened.config.dataDir));
    const res = await upload(readFileSync(writePackZip(pack)));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: 'import_refused',
      reason: 'missing_file',
      message: 'the manifest lists media/clip.webm, which is not in the pack',
    });
    const notZip = await upload(new TextEncoder().encode('hello, this is no zip'));
    expect(await notZip.json()).toMatchObject({ error: 'import_refused', reason: 'not_a_zip' });
    expect(filesUnder(mediaDirOf(opened.config.dataDir))).toEqual(before);
    expect(await opened.store.packs.getVersion('refused-course', 1)).toBeUndefined();
  });

  it('needs a signed-in admin, the CSRF token and a zip', async () => {
    const zip = readFileSync(writePackZip(testPack('guarded-course')));
    expect((await app.request(COUNTY_PACK_API.packs)).status).toBe(401);
    expect((await upload(zip, { 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await upload(zip, { cookie: '' })).status).toBe(401);
    expect((await upload(zip, { 'content-type': 'application/json' })).status).toBe(415);
    expect(await opened.store.packs.getVersion('guarded-course', 1)).toBeUndefined();
  });
});
