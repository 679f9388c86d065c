import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { ImportExport } from '../../src/server/county/centre-actions';
import type { Staff } from '../../src/shared/domain/entities';
import type { CentreDetail, CentresResponse, CreatedCentre, ImportResponse, IssuedCodeResponse } from '../../src/shared/protocol/county';
import type { EnrolResponse } from '../../src/shared/protocol/messages';
import { enrol, pull, pullFrom } from './support/centre';
import { makeCountyAdmin, signIn, type CountyClient } from './support/county';
import { storeKinds, type OpenedStore } from './support/stores';

const NEW_CENTRE = {
  name: { 'zh-CN': '红旗村服务站', en: 'Hongqi village centre', ug: 'قىزىل بايراق كەنت مۇلازىمەت پونكىتى' },
  admin: { name: '马丽', pin: '482913' },
};

describe.each(storeKinds())('county admin: centres, codes, tablets on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let county: CountyClient;
  let created: CreatedCentre;
  const imports: unknown[] = [];
  const importExport: ImportExport = async (_store, file, options) => {
    imports.push({ file, centreId: options.centreId });
    return { applied: 3, refused: 1, alreadyApplied: 2 };
  };

  async function adminRow(token: string, id: string): Promise<Staff> {
    const res = await pull(app, token, 0);
    const page = (await res.json()) as { rows: { staff?: Staff[] } };
    const row = page.rows.staff?.find((s) => s.id === id);
    if (!row) throw new Error('admin not in the feed');
    return row;
  }

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store, county: { importExport } });
    await makeCountyAdmin(opened.store);
    county = await signIn(app);
  });
  afterAll(() => opened.dispose());

  it('creates a centre and its first admin, whose row with key material is in the centre feed', async () => {
    const res = await county.post('/api/county/centres', NEW_CENTRE);
    expect(res.status).toBe(201);
    created = (await res.json()) as CreatedCentre;
    expect(created.centre.name).toEqual(NEW_CENTRE.name);
    expect(await opened.store.getCentre(created.centre.id)).toEqual(created.centre);

    const staff = await opened.store.county.centreStaff(created.centre.id);
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({ id: created.adminId, name: '马丽', role: 'admin', active: true });
    expect(staff[0]!.keyId).toBeTruthy();
    expect(staff[0]!.wrappedKey).toBeTruthy();
    // The secret itself is kept by the server only, never in the synced row.
    const keys = await opened.store.inCentreTx(created.centre.id, (tx) => tx.staffKeys([created.adminId]));
    expect(keys.map((k) => k.keyId)).toEqual([staff[0]!.keyId]);
    expect(JSON.stringify(staff[0])).not.toContain(keys[0]!.secret);

    const list = (await (await county.get('/api/county/centres')).json()) as CentresResponse;
    expect(list.centres.find((c) => c.id === created.centre.id)).toMatchObject({ devices: { active: 0, revoked: 0 } });
  });

  it('refuses a centre whose admin PIN is not 6 digits, and makes nothing', async () => {
    const before = (await opened.store.listCentres()).length;
    const res = await county.post('/api/county/centres', { ...NEW_CENTRE, admin: { name: 'x', pin: '1234' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_body' });
    expect(await opened.store.listCentres()).toHaveLength(before);
  });

  let tablet: EnrolResponse;

  it('issues a code with which a tablet enrols into the new centre and pulls its admin', async () => {
    const res = await county.post(`/api/county/centres/${created.centre.id}/codes`, {});
    expect(res.status).toBe(201);
    const issued = (await res.json()) as IssuedCodeResponse;
    expect(issued.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const enrolled = await enrol(app, issued.code, 'Counter');
    expect(enrolled.status).toBe(200);
    tablet = (await enrolled.json()) as EnrolResponse;
    expect(tablet.centre.id).toBe(created.centre.id);
    const feed = await pullFrom(app, tablet.token, 0);
    const staff = feed.pages.flatMap((p) => (p.rows.staff ?? []) as Staff[]);
    expect(staff.map((s) => s.id)).toEqual([created.adminId]);

    const detail = (await (await county.get(`/api/county/centres/${created.centre.id}`)).json()) as CentreDetail;
    expect(detail.tablets).toEqual([expect.objectContaining({ id: tablet.deviceId, name: 'Counter', deviceNo: 1, revokedAt: null })]);
    expect(detail.admins).toEqual([{ id: created.adminId, name: '马丽', active: true }]);
    expect(detail.codes).toHaveLength(1);
    expect(detail.codes[0]!.usedAt).not.toBeNull();
    // The code's text is shown once, when made, and never stored.
    expect(JSON.stringify(detail)).not.toContain(issued.code);
  });

  it('answers 404 for an unknown centre or a malformed id', async () => {
    expect((await county.get('/api/county/centres/0190a3b2-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await county.get('/api/county/centres/..%2F..')).status).toBe(404);
    expect((await county.post('/api/county/centres/not-an-id/codes', {})).status).toBe(404);
  });

  it("resets a centre admin's PIN: a new key, the old one kept for changes signed before", async () => {
    const token = tablet.token;
    const before = await adminRow(token, created.adminId);
    const res = await county.post(`/api/county/centres/${created.centre.id}/staff/${created.adminId}/pin`, { pin: '739120' });
    expect(res.status).toBe(204);
    const after = await adminRow(token, created.adminId);
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.wrappedKey).not.toBe(before.wrappedKey);
    const keys = await opened.store.inCentreTx(created.centre.id, (tx) => tx.staffKeys([created.adminId]));
    expect(keys.map((k) => k.keyId).sort()).toEqual([before.keyId, after.keyId].sort());
    expect((await county.post(`/api/county/centres/${created.centre.id}/staff/${created.adminId}/pin`, { pin: '12' })).status).toBe(400);
  });

  it('revokes a tablet: its token is refused at once', async () => {
    expect((await pull(app, tablet.token, 0)).status).toBe(200);
    const res = await county.post(`/api/county/devices/${tablet.deviceId}/revoke`);
    expect(res.status).toBe(204);
    expect((await pull(app, tablet.token, 0)).status).toBe(401);
    const detail = (await (await county.get(`/api/county/centres/${created.centre.id}`)).json()) as CentreDetail;
    expect(detail.tablets[0]!.revokedAt).not.toBeNull();
    const list = (await (await county.get('/api/county/centres')).json()) as CentresResponse;
    expect(list.centres.find((c) => c.id === created.centre.id)?.devices).toEqual({ active: 0, revoked: 1 });
    expect((await county.post('/api/county/devices/0190a3b2-0000-7000-8000-000000000000/revoke')).status).toBe(404);
  });

  it('passes an uploaded export file to the import and answers its counts', async () => {
    const file = { format: 'cunzhan-export', deviceId: tablet.deviceId, changes: [] };
    const res = await county.post('/api/county/import', file);
    expect(res.status).toBe(200);
    expect((await res.json()) as ImportResponse).toEqual({ applied: 3, refused: 1, alreadyApplied: 2 });
    // Any centre: the file names its own tablet and centre, and the import checks both.
    expect(imports).toEqual([{ file, centreId: undefined }]);
  });

  it('runs the real import behind the endpoint: a file that is no export applies nothing, 422', async () => {
    const real = createApp({ store: opened.store });
    const client = await signIn(real);
    const res = await client.post('/api/county/import', { format: 'something else' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'import_refused' });
  });

  it('refuses an import larger than its limit before reading it all', async () => {
    const res = await county.post('/api/county/import', { pad: 'x'.repeat(4 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(imports).toHaveLength(1);
  });
});
