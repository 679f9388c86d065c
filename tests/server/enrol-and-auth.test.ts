import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { createCentre } from '../../src/server/admin/operations';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import type { EnrolResponse, ErrorBody, HealthResponse } from '../../src/shared/protocol/messages';
import { enrol, makeCentre, pull, push, pushBody, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

describe.each(storeKinds())('enrolment and device tokens on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store, version: '9.9.9' });
    shop = await makeCentre(opened.store, app, 'A');
  });
  afterAll(() => opened.dispose());

  it('reports health without a token', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthResponse;
    expect(body).toEqual({ ok: true, version: '9.9.9', protocolVersions: [1, 2, 3, 4, 5, 6], store: kind.name });
  });

  it('enrols a tablet once with a code typed in any case and spacing', async () => {
    const { code } = await issueEnrolCode(opened.store, shop.centre.id, 1);
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const first = await enrol(app, typed, 'Tablet 2');
    expect(first.status).toBe(200);
    const body = (await first.json()) as EnrolResponse;
    expect(body.centre).toEqual(shop.centre);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const devices = await opened.store.listDevices(shop.centre.id);
    const stored = devices.find((d) => d.id === body.deviceId);
    expect(stored?.name).toBe('Tablet 2');
    // Only the hash is kept.
    expect(JSON.stringify(devices)).not.toContain(body.token);

    const again = await enrol(app, code, 'Tablet 3');
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ error: 'enrol_code_used' });
  });

  it('refuses an expired code and an unknown one', async () => {
    const longAgo = new Date(Date.now() - 48 * 3_600_000);
    const { code } = await issueEnrolCode(opened.store, shop.centre.id, 1, longAgo);
    const expired = await enrol(app, code);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: 'enrol_code_expired' });

    const wrong = await enrol(app, 'ZZZZ-ZZZZ');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'enrol_code_invalid' });
  });

  it('answers a malformed enrol body with invalid_body and enrols nothing', async () => {
    const before = (await opened.store.listDevices()).length;
    for (const body of ['{not json', JSON.stringify({ code: 7 }), JSON.stringify({ code: 'ABCD-EFGH', deviceName: 'x', extra: 1 })]) {
      const res = await app.request('/api/enrol', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      const error = (await res.json()) as ErrorBody;
      expect(error.error).toBe('invalid_body');
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect((await opened.store.listDevices()).length).toBe(before);
  });

  it('answers 401 to a missing, malformed or unknown token', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer ' },
      { authorization: `Bearer ${'x'.repeat(43)}` },
    ];
    for (const headers of attempts) {
      const res = await app.request('/api/sync/pull?after=0', { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      const pushed = await app.request('/api/sync/push', { method: 'POST', headers, body: '{}' });
      expect(pushed.status).toBe(401);
    }
  });

  it('stops a revoked device at once, and only that device', async () => {
    const other = await createCentre(opened.store, { en: 'Revoke test' });
    const { code: c1 } = await issueEnrolCode(opened.store, other.id, 1);
    const { code: c2 } = await issueEnrolCode(opened.store, other.id, 1);
    const kept = (await (await enrol(app, c1)).json()) as EnrolResponse;
    const revoked = (await (await enrol(app, c2)).json()) as EnrolResponse;
    expect((await pull(app, revoked.token, 0)).status).toBe(200);

    expect(await opened.store.revokeDevice(revoked.deviceId, new Date().toISOString())).toBe(true);
    const res = await pull(app, revoked.token, 0);
    expect(res.status).toBe(401);
    // Told apart from a token nobody knows, so the tablet can say it was removed.
    expect(await res.json()).toMatchObject({ error: 'device_revoked' });
    const pushed = await push(app, revoked.token, { ...pushBody(shop, [saleMutation(shop)]), deviceId: revoked.deviceId });
    expect(pushed.status).toBe(401);
    expect(await pushed.json()).toMatchObject({ error: 'device_revoked' });
    const unknown = await pull(app, 'x'.repeat(43), 0);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'unauthorized' });
    expect((await pull(app, kept.token, 0)).status).toBe(200);
    expect(await opened.store.revokeDevice('0190a000-0000-7000-8000-000000000000', new Date().toISOString())).toBe(false);
  });
});
