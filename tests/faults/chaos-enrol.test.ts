import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEnrolCode } from '../../src/server/auth/secrets';
import { API } from '../../src/shared/protocol/endpoints';
import type { EnrolResponse, ErrorBody } from '../../src/shared/protocol/messages';
import { storeKinds } from '../server/support/stores';
import { ChaosProxy } from './support/chaos-proxy';
import { inspectDb, type DbInspector } from './support/inspect-db';
import { startInProcessServer, type InProcessServer } from './support/in-process-server';
import { runSeed } from './support/random';

const CODES = 40;
const MIN_CUTS = 200;
const MAX_ATTEMPTS_PER_CODE = 400;
/** Every attempt cut mid-way spends budget: the limits are opened wide here, they have tests of their own. */
const WIDE = { burst: 1_000_000, perMinute: 1_000_000 };

type Attempt = { ok: true; body: EnrolResponse } | { ok: false; status: number; error?: string };

/** One enrolment request as the tablet sends it: its code and the secret it made once for that code. */
async function enrolOnce(url: string, code: string, deviceSecret: string): Promise<Attempt> {
  try {
    const response = await fetch(new URL(API.enrol, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Counter tablet', deviceSecret }),
    });
    const text = await response.text();
    if (response.ok) return { ok: true, body: JSON.parse(text) as EnrolResponse };
    return { ok: false, status: response.status, error: (JSON.parse(text) as ErrorBody).error };
  } catch {
    return { ok: false, status: 0 }; // cut: the tablet tries again with the same code and secret
  }
}

/**
 * S13 for enrolment: a link cut at any byte — before the server saw the
 * code, or after it enrolled the device but before the tablet heard —
 * never burns a code. Sending the same code and secret again finds the
 * device already made.
 */
describe.each(storeKinds())('enrolment through a link cut at random bytes, on $name', (kind) => {
  const seed = runSeed();
  let server: InProcessServer;
  let link: ChaosProxy;
  let db: DbInspector;

  beforeAll(async () => {
    server = await startInProcessServer(kind, { deps: { enrolLimits: { budgets: { perAddress: WIDE, perCodePrefix: WIDE } } } });
    // An enrolment is a few hundred bytes each way: cuts up to 1 KB land in headers and bodies alike.
    link = await ChaosProxy.start(() => server.port, { seed, maxOffset: 1024 });
    db = await inspectDb(server.location);
  });
  afterAll(async () => {
    await db?.close();
    await link?.close();
    await server?.close();
  });

  it(`enrols every code exactly once over ${MIN_CUTS}+ cuts (seed ${seed})`, async () => {
    const codes = await Promise.all(Array.from({ length: CODES }, () => server.issueCode()));
    const enrolled = new Map<string, EnrolResponse>();
    const refusals: Attempt[] = [];
    let attempts = 0;
    for (const code of codes) {
      const secret = randomBytes(32).toString('base64url');
      for (let tries = 1; ; tries++) {
        expect(tries, `code ${code} not enrolled after ${MAX_ATTEMPTS_PER_CODE} tries`).toBeLessThanOrEqual(MAX_ATTEMPTS_PER_CODE);
        attempts += 1;
        const attempt = await enrolOnce(link.url, code, secret);
        if (attempt.ok) {
          expect(attempt.body.token).toBe(secret);
          enrolled.set(code, attempt.body);
          break;
        }
        // Anything but a cut (status 0) is an answer the tablet would show: a burnt code among them.
        if (attempt.status !== 0) refusals.push(attempt);
        if (attempt.status !== 0 && attempt.status !== 429) break;
      }
    }
    console.log(`chaos enrol on ${kind.name}: ${JSON.stringify({ seed, attempts, ...link.counts })}`);

    expect(refusals).toEqual([]);
    expect(enrolled.size).toBe(CODES);
    expect(await db.count('devices')).toBe(CODES);
    const stored = new Map((await db.table('enrol_codes')).map((row) => [row.code_hash, row.used_by_device]));
    for (const [code, device] of enrolled) {
      expect(stored.get(hashEnrolCode(code)), 'the code names the device the tablet got').toBe(device.deviceId);
      const pull = await fetch(new URL(`${API.pull}?after=0`, server.url), { headers: { Authorization: `Bearer ${device.token}` } });
      expect(pull.status, 'the token works').toBe(200);
      await pull.arrayBuffer();
    }
    expect(link.cuts).toBeGreaterThanOrEqual(MIN_CUTS);
    expect(link.counts.cutsUp).toBeGreaterThan(0);
    expect(link.counts.cutsDown).toBeGreaterThan(0);
  });
});
