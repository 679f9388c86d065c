import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDevice } from '../../src/client/data/device';
import { enrolDevice } from '../../src/client/data/enrol-device';
import { getMeta } from '../../src/client/data/meta';
import type { Transport } from '../../src/client/sync/transport';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import { API } from '../../src/shared/protocol/endpoints';
import { DEVICE_SECRET_PATTERN } from '../../src/shared/protocol/messages';
import { freshDb } from './support/local-device';
import { BASE_URL, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/** The real server, but the answer to the first `cuts` enrolments is lost after the server committed. */
function cutAfterCommit(cuts: number): { transport: Transport; bodies: unknown[] } {
  const bodies: unknown[] = [];
  let left = cuts;
  const transport: Transport = async (request) => {
    bodies.push(await request.clone().json());
    const response = await server.transport(request);
    if (left > 0) {
      left -= 1;
      throw new TypeError('network connection lost');
    }
    return response;
  };
  return { transport, bodies };
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }));
}

describe('enrolment with a secret the tablet makes (S13)', () => {
  it('an answer lost after the server enrolled: trying again with the same code returns the same device', async () => {
    const db = freshDb('enrol-cut');
    const { code } = await issueEnrolCode(server.store, server.centre.id, 1);
    const { transport, bodies } = cutAfterCommit(1);
    const deps = { db, fetch: transport, baseUrl: BASE_URL };

    await expect(enrolDevice(code, 'Counter', deps)).rejects.toMatchObject({ code: 'server_unreachable' });
    const pending = await getMeta(db, 'pendingEnrolment');
    expect(pending).toMatchObject({ code, deviceName: 'Counter' });
    expect(pending!.secret).toMatch(DEVICE_SECRET_PATTERN);
    expect(await getDevice(db)).toBeNull();

    const device = await enrolDevice(code, 'Counter', deps);

    const sent = bodies as { deviceSecret: string }[];
    expect(sent).toHaveLength(2);
    expect(sent[0]!.deviceSecret).toBe(pending!.secret);
    expect(sent[1]!.deviceSecret).toBe(pending!.secret);
    expect(device.token).toBe(pending!.secret);
    expect(await getMeta(db, 'pendingEnrolment')).toBeUndefined();
    expect((await server.store.listDevices(server.centre.id)).map((d) => d.id)).toEqual([device.deviceId]);
    // The token works: the server knows this tablet by the secret it made.
    const pull = await server.transport(
      new Request(new URL(`${API.pull}?after=0`, BASE_URL), { headers: { Authorization: `Bearer ${device.token}` } }),
    );
    expect(pull.status).toBe(200);
  });

  it('the same code typed again in lower case and without its dash still reuses the first secret', async () => {
    const db = freshDb('enrol-retyped');
    const { code } = await issueEnrolCode(server.store, server.centre.id, 1);
    const { transport, bodies } = cutAfterCommit(1);
    const deps = { db, fetch: transport, baseUrl: BASE_URL };

    await expect(enrolDevice(code, 'Counter', deps)).rejects.toMatchObject({ code: 'server_unreachable' });
    const device = await enrolDevice(` ${code.toLowerCase().replace('-', '')} `, 'Counter', deps);

    const sent = bodies as { deviceSecret: string }[];
    expect(sent[1]!.deviceSecret).toBe(sent[0]!.deviceSecret);
    expect((await server.store.listDevices(server.centre.id)).map((d) => d.id)).toEqual([device.deviceId]);
  });

  it('another code gets another secret; the device is stored only once enrolled', async () => {
    const db = freshDb('enrol-codes');
    const first = await issueEnrolCode(server.store, server.centre.id, 1);
    const second = await issueEnrolCode(server.store, server.centre.id, 1);
    const { transport, bodies } = cutAfterCommit(1);
    const deps = { db, fetch: transport, baseUrl: BASE_URL };

    await expect(enrolDevice(first.code, 'Counter', deps)).rejects.toMatchObject({ code: 'server_unreachable' });
    const device = await enrolDevice(second.code, 'Counter', deps);

    const sent = bodies as { code: string; deviceSecret: string }[];
    expect(sent[1]!.deviceSecret).not.toBe(sent[0]!.deviceSecret);
    expect(device.token).toBe(sent[1]!.deviceSecret);
    expect(await getDevice(db)).toEqual(device);
  });

  it('a busy server (429 with Retry-After) says how long to wait and keeps the secret for the next try', async () => {
    const db = freshDb('enrol-busy');
    const { code } = await issueEnrolCode(server.store, server.centre.id, 1);
    const secrets: string[] = [];
    let busy = true;
    const transport: Transport = async (request) => {
      secrets.push(((await request.clone().json()) as { deviceSecret: string }).deviceSecret);
      if (busy) return answer(429, { error: 'rate_limited', message: 'slow down' }, { 'Retry-After': '30' });
      return server.transport(request);
    };
    const deps = { db, fetch: transport, baseUrl: BASE_URL };

    await expect(enrolDevice(code, 'Counter', deps)).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
    busy = false;
    const device = await enrolDevice(code, 'Counter', deps);
    expect(secrets[1]).toBe(secrets[0]);
    expect(device.token).toBe(secrets[0]);
  });

  it('a malformed answer stores no device and says so', async () => {
    const db = freshDb('enrol-bad');
    const replies: (() => Promise<Response>)[] = [
      () => answer(200, 'not json at all'),
      () => answer(200, { deviceId: 'not-a-uuid', token: 'x'.repeat(43), centre: {} }),
      () => answer(200, []),
    ];
    for (const reply of replies) {
      await expect(enrolDevice('ABCD-1234', 'Counter', { db, fetch: reply, baseUrl: BASE_URL })).rejects.toMatchObject({ code: 'bad_reply' });
    }
    expect(await getDevice(db)).toBeNull();
  });
});
