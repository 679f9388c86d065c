import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/shared/auth/base64';
import { canonicalJson } from '../../src/shared/auth/canonical-json';
import {
  newStaffSecret,
  proofKeyBytes,
  sealStaffSecret,
  staffKeysOf,
  unsealStaffSecret,
  unwrapStaffSecret,
  wrapStaffSecret,
} from '../../src/shared/auth/staff-key';
import { proofBytes, signMutation, verifyMutationProof, type ProvenMutation } from '../../src/shared/auth/staff-proof';
import { uuidv7 } from '../../src/shared/domain/ids';

// Few iterations keep the unit tests quick; the count is data on the row, read back from it.
const FAST = 1000;

function mutation(overrides: Partial<ProvenMutation> = {}): ProvenMutation {
  return {
    id: uuidv7(),
    kind: 'sale.create',
    args: { saleId: uuidv7(), receiptNo: 'A-0001', lines: [{ qty: 2, names: { en: 'Rice', 'zh-CN': '大米' } }], tenderedFen: 1000 },
    staffId: uuidv7(),
    createdAt: '2026-12-01T08:00:00.000Z',
    keyId: uuidv7(),
    ...overrides,
  };
}

describe('canonical JSON', () => {
  it('sorts keys, drops undefined members and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: [true, null, undefined], c: undefined, 'é': 'x' })).toBe('{"a":[true,null,null],"b":1,"é":"x"}');
  });

  it('gives the same text for the same value whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('staff secrets wrapped under a PIN', () => {
  it('unwraps with the right PIN only, and only for its own staff row', async () => {
    const staffId = uuidv7();
    const secret = newStaffSecret();
    const material = await wrapStaffSecret(secret, '135790', staffId, uuidv7(), FAST);
    expect(material.wrappedKey).not.toContain(toBase64Url(secret));
    expect(await unwrapStaffSecret(material, '135790', staffId)).toEqual(secret);
    expect(await unwrapStaffSecret(material, '135791', staffId)).toBeNull();
    expect(await unwrapStaffSecret(material, '135790', uuidv7())).toBeNull();
    expect(await unwrapStaffSecret({ ...material, wrappedKey: 'not base64!' }, '135790', staffId)).toBeNull();
  });

  it('a secret sealed by an admin opens only with that admin secret, for that staff member and key', async () => {
    const admin = newStaffSecret();
    const secret = newStaffSecret();
    const staffId = uuidv7();
    const keyId = uuidv7();
    const sealed = await sealStaffSecret((await staffKeysOf(admin, uuidv7())).sealKey, secret, staffId, keyId);
    expect(await unsealStaffSecret(admin, sealed, staffId, keyId)).toEqual(secret);
    expect(await unsealStaffSecret(newStaffSecret(), sealed, staffId, keyId)).toBeNull();
    expect(await unsealStaffSecret(admin, sealed, uuidv7(), keyId)).toBeNull();
  });
});

describe('mutation proofs', () => {
  it('the tablet (WebCrypto) and the server (node:crypto) compute the same proof over the same bytes', async () => {
    const secret = newStaffSecret();
    const keys = await staffKeysOf(secret, uuidv7());
    const m = mutation();
    const device = uuidv7();
    const proof = await signMutation(keys.proofKey, m, device);
    const node = createHmac('sha256', await proofKeyBytes(secret)).update(proofBytes(m, device)).digest().subarray(0, 16).toString('base64url');
    expect(proof).toBe(node);
    expect(proof).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('fails for another staff member, another device, another key and any altered field', async () => {
    const keys = await staffKeysOf(newStaffSecret(), uuidv7());
    const m = mutation();
    const device = uuidv7();
    const proof = await signMutation(keys.proofKey, m, device);
    expect(await verifyMutationProof(keys.proofKey, m, device, proof)).toBe(true);
    const other = await staffKeysOf(newStaffSecret(), uuidv7());
    expect(await verifyMutationProof(other.proofKey, m, device, proof)).toBe(false);
    expect(await verifyMutationProof(keys.proofKey, m, uuidv7(), proof)).toBe(false);
    for (const altered of [
      { ...m, staffId: uuidv7() },
      { ...m, id: uuidv7() },
      { ...m, kind: 'stock.adjust' },
      { ...m, createdAt: '2026-12-01T08:00:00.001Z' },
      { ...m, keyId: uuidv7() },
      { ...m, args: { ...(m.args as object), tenderedFen: 1001 } },
    ]) {
      expect(await verifyMutationProof(keys.proofKey, altered, device, proof)).toBe(false);
    }
    expect(await verifyMutationProof(keys.proofKey, m, device, 'A'.repeat(22))).toBe(false);
    expect(await verifyMutationProof(keys.proofKey, m, device, `${proof}A`)).toBe(false);
  });
});
