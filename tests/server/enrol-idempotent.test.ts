import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createCentre } from '../../src/server/admin/operations';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import { hashEnrolCode, sha256Hex } from '../../src/server/auth/secrets';
import type { EnrolResponse } from '../../src/shared/protocol/messages';
import { pull } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function enrolWith(app: Hono, code: string, deviceSecret?: string, deviceName = 'Counter tablet'): Promise<Response> {
  return Promise.resolve(
    app.request('/api/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(deviceSecret === undefined ? { code, deviceName } : { code, deviceName, deviceSecret }),
    }),
  );
}

describe.each(storeKinds())('idempotent enrolment on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;

  beforeAll(async () => {
    opened = await kind.open();
    // Refusals here are the point, not a guesser: limits are tested in rate-limits.test.ts.
    const roomy = { burst: 1000, perMinute: 1000 };
    app = createApp({ store: opened.store, enrolLimits: { budgets: { perAddress: roomy, perCodePrefix: roomy } } });
  });
  afterAll(() => opened.dispose());

  async function freshCode(hours = 1) {
    const centre = await createCentre(opened.store, { en: `Centre ${Math.random()}` });
    const { code } = await issueEnrolCode(opened.store, centre.id, hours);
    return { centre, code };
  }

  it('answers the same code and secret again with the same device, its secret as token', async () => {
    const { centre, code } = await freshCode();
    const secret = newSecret();
    const first = await enrolWith(app, code, secret, 'Counter');
    expect(first.status).toBe(200);
    const enrolled = (await first.json()) as EnrolResponse;
    expect(enrolled.token).toBe(secret);
    expect(enrolled.centre.id).toBe(centre.id);

    // The answer was lost to a cut: the tablet asks again, as typed, with the same secret.
    const again = await enrolWith(app, ` ${code.toLowerCase()} `, secret, 'Counter');
    expect(again.status).toBe(200);
    const repeated = (await again.json()) as EnrolResponse;
    expect({ ...repeated, serverTime: undefined }).toEqual({ ...enrolled, serverTime: undefined });

    const devices = await opened.store.listDevices(centre.id);
    expect(devices).toHaveLength(1);
    expect(devices[0]!.tokenHash).toBe(sha256Hex(secret));
    expect(JSON.stringify(devices)).not.toContain(secret);
    expect((await pull(app, secret, 0)).status).toBe(200);
  });

  it('refuses the used code to another secret and to a request without one', async () => {
    const { centre, code } = await freshCode();
    expect((await enrolWith(app, code, newSecret())).status).toBe(200);
    for (const other of [newSecret(), undefined]) {
      const res = await enrolWith(app, code, other);
      expect(res.status).toBe(410);
      expect(await res.json()).toMatchObject({ error: 'enrol_code_used' });
    }
    expect(await opened.store.listDevices(centre.id)).toHaveLength(1);
  });

  it('still makes the token itself for an older app that sends no secret', async () => {
    const { code } = await freshCode();
    const res = await enrolWith(app, code);
    expect(res.status).toBe(200);
    const body = (await res.json()) as EnrolResponse;
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await pull(app, body.token, 0)).status).toBe(200);
  });

  it('repeats after the code has expired, since expiry counts at the first redemption', async () => {
    const { centre, code } = await freshCode(1);
    const secret = newSecret();
    const first = (await (await enrolWith(app, code, secret)).json()) as EnrolResponse;
    const tomorrow = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const device = { id: '0190a000-0000-7000-8000-00000000abcd', name: 'Counter tablet', tokenHash: sha256Hex(secret), enrolledAt: tomorrow };

    const repeated = await opened.store.redeemEnrolCode(hashEnrolCode(code), tomorrow, device);
    expect(repeated).toEqual({ ok: true, repeat: true, deviceId: first.deviceId, deviceNo: first.deviceNo, centre: first.centre });
    const other = await opened.store.redeemEnrolCode(hashEnrolCode(code), tomorrow, { ...device, tokenHash: sha256Hex(newSecret()) });
    expect(other).toEqual({ ok: false, reason: 'used' });
    expect(await opened.store.listDevices(centre.id)).toHaveLength(1);
  });

  it('gives a revoked device nothing back for its code', async () => {
    const { code } = await freshCode();
    const secret = newSecret();
    const enrolled = (await (await enrolWith(app, code, secret)).json()) as EnrolResponse;
    await opened.store.revokeDevice(enrolled.deviceId, new Date().toISOString());
    const res = await enrolWith(app, code, secret);
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ error: 'enrol_code_used' });
  });

  it('refuses a secret already enrolled with another code, and leaves that code unused', async () => {
    const first = await freshCode();
    const second = await freshCode();
    const secret = newSecret();
    expect((await enrolWith(app, first.code, secret)).status).toBe(200);
    const res = await enrolWith(app, second.code, secret);
    expect(res.status).toBe(409);
    expect(await opened.store.listDevices(second.centre.id)).toHaveLength(0);
    expect((await enrolWith(app, second.code, newSecret())).status).toBe(200);
  });

  it('enrols exactly one device when two secrets redeem one code at the same moment', async () => {
    const { centre, code } = await freshCode();
    const secrets = [newSecret(), newSecret(), newSecret()];
    const answers = await Promise.all(secrets.map((s) => enrolWith(app, code, s)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 410, 410]);
    const winner = (await answers.find((r) => r.status === 200)!.json()) as EnrolResponse;
    const devices = await opened.store.listDevices(centre.id);
    expect(devices.map((d) => [d.id, d.deviceNo])).toEqual([[winner.deviceId, 1]]);
    expect(devices[0]!.tokenHash).toBe(sha256Hex(winner.token));
  });

  it('answers every one of many concurrent repeats of one secret with the same device', async () => {
    const { centre, code } = await freshCode();
    const secret = newSecret();
    const answers = await Promise.all(Array.from({ length: 5 }, () => enrolWith(app, code, secret)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as EnrolResponse).deviceId)));
    expect(ids.size).toBe(1);
    expect(await opened.store.listDevices(centre.id)).toHaveLength(1);
  });
});
