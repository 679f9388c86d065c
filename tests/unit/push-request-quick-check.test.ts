import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readJsonBody } from '../../src/server/http/json-body';
import { ApiError } from '../../src/server/http/api-error';
import { pushRequest } from '../../src/shared/protocol/messages';
import { quickAcceptPushRequest } from '../../src/shared/protocol/push-request-quick-check';
import { answersOnEdited, pushRequestArb } from './support/quick-check-inputs';

/**
 * The quick check for a push body may say no to odd but valid bodies; it must
 * never say yes to a body the schema refuses or would change.
 */

function expectSchemaKeepsAsIs(body: unknown): void {
  const parsed = v.safeParse(pushRequest, body);
  expect(parsed.success).toBe(true);
  expect(parsed.output).toStrictEqual(body);
}

const deviceId = '0190a1b2-0000-7000-8000-0000000000d1';
const mutation = {
  id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  kind: 'sale.create',
  args: { saleId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c', receiptNo: 'A-0001', lines: [], tenderedFen: 0 },
  staffId: '0190a1b2-0000-7000-8000-000000000001',
  createdAt: '2025-03-01T08:30:00.123Z',
};

function post(body: unknown): Request {
  return new Request('http://centre.test/sync/push', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return `${(error as ApiError).status} ${(error as ApiError).message}`;
}

// Property runs of thousands of inputs: seconds on a busy two-core machine.
describe('push body quick check', { timeout: 30_000 }, () => {
  it('accepts bodies as the tablet sends them, with or without a predecessor', () => {
    // The tablet writes `after` first; key order does not matter for the envelope.
    expect(quickAcceptPushRequest({ after: mutation.id, protocolVersion: 2, deviceId, mutations: [mutation] })).toBe(true);
    expect(quickAcceptPushRequest({ protocolVersion: 2, deviceId, mutations: [mutation, mutation] })).toBe(true);
    expect(quickAcceptPushRequest({ protocolVersion: 2, deviceId, after: null, mutations: [] })).toBe(true);
  });

  it('says no to bodies the schema refuses', () => {
    const body = { protocolVersion: 2, deviceId, mutations: [mutation] };
    expect(quickAcceptPushRequest({ ...body, protocolVersion: 2.5 })).toBe(false);
    expect(quickAcceptPushRequest({ ...body, deviceId: deviceId.toUpperCase() })).toBe(false);
    expect(quickAcceptPushRequest({ ...body, after: '' })).toBe(false);
    expect(quickAcceptPushRequest({ ...body, token: 'x' })).toBe(false);
    expect(quickAcceptPushRequest({ ...body, mutations: [{ ...mutation, createdAt: '2025-03-01' }] })).toBe(false);
    expect(quickAcceptPushRequest({ ...body, mutations: [{ ...mutation, kind: 'k'.repeat(65) }] })).toBe(false);
    const { args: _args, ...withoutArgs } = mutation;
    expect(quickAcceptPushRequest({ ...body, mutations: [withoutArgs] })).toBe(false);
    expect(quickAcceptPushRequest({ ...body, mutations: Array.from({ length: 1001 }, () => mutation) })).toBe(false);
  });

  it('gives the same body back through readJsonBody, and the same refusal text when it says no', async () => {
    const body = { after: mutation.id, protocolVersion: 2, deviceId, mutations: [mutation] };
    expect(await readJsonBody(post(body), pushRequest, { accepts: quickAcceptPushRequest })).toStrictEqual(body);
    for (const bad of [{ ...body, token: 'x' }, { ...body, mutations: [{ ...mutation, staffId: 'nobody' }] }, [body], null]) {
      const quick = await failureOf(readJsonBody(post(bad), pushRequest, { accepts: quickAcceptPushRequest }));
      expect(quick).toBe(await failureOf(readJsonBody(post(bad), pushRequest)));
      expect(quick).toMatch(/^400 /);
    }
  });

  it('accepts every valid body, which the schema keeps as it is', () => {
    fc.assert(
      fc.property(pushRequestArb, (body) => {
        expect(quickAcceptPushRequest(body)).toBe(true);
        expectSchemaKeepsAsIs(body);
      }),
      { numRuns: 200 },
    );
  });

  it('says yes to a changed body only when the schema accepts it and keeps it as it is', () => {
    const { yes, no } = answersOnEdited(pushRequestArb, quickAcceptPushRequest, expectSchemaKeepsAsIs, 500);
    // Both answers happen, so the property is not vacuous.
    expect(yes).toBeGreaterThan(0);
    expect(no).toBeGreaterThan(0);
  });

  it('says yes to anything at all only when the schema keeps it as it is', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }), (body) => {
        if (quickAcceptPushRequest(body)) expectSchemaKeepsAsIs(body);
      }),
    );
  });
});
