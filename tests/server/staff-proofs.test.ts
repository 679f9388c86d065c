import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { EnrolResponse, MutationEnvelope, PushResponse } from '../../src/shared/protocol/messages';
import { CLERK_WRITE_OFF_MAX } from '../../src/shared/domain/permissions';
import { staffKeysOf } from '../../src/shared/auth/staff-key';
import { signMutation } from '../../src/shared/auth/staff-proof';
import { proofOf } from '../support/signing';
import {
  adjustMutation,
  enrolDevice,
  makeCentre,
  productUpdateMutation,
  push,
  pushBody,
  resigned,
  saleMutation,
  type TestCentre,
} from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

/** Every mutation of the batch, each refused or applied, by code. */
const outcomes = (res: PushResponse) => res.results.map((r) => (r.status === 'refused' ? r.code : r.status));

describe.each(storeKinds())('staff proofs on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let office: EnrolResponse;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'S');
    office = await enrolDevice(opened.store, app, shop.centre.id, 'Office tablet');
  });
  afterAll(() => opened.dispose());

  const seqNow = () => opened.store.lastSeq(shop.centre.id);
  const pushed = async (mutations: MutationEnvelope[], token = shop.device.token, deviceId = shop.device.deviceId) =>
    (await (await push(app, token, { ...pushBody(shop, mutations), deviceId })).json()) as PushResponse;

  it('applies a signed sale', async () => {
    expect(outcomes(await pushed([saleMutation(shop)]))).toEqual(['applied']);
  });

  it('refuses, and changes nothing for, a forged, missing, replayed, moved or altered proof', async () => {
    const before = await seqNow();
    const good = saleMutation(shop);
    const { keyId: _keyId, proof: _proof, ...unsigned } = good;
    const forged = { ...saleMutation(shop), proof: 'A'.repeat(22) };
    const missing = unsigned;
    const noKeyId = { ...saleMutation(shop), keyId: undefined };
    // The clerk's proof, replayed under the admin's name.
    const replayed = { ...saleMutation(shop), staffId: shop.admin.id };
    // Signed for the office tablet, sent by the counter tablet.
    const moved = resigned(shop, saleMutation(shop), {}, office.deviceId);
    // The args changed after signing: a higher tender, say.
    const sale = saleMutation(shop);
    const altered = { ...sale, args: { ...(sale.args as object), tenderedFen: 1_000_000 } };
    // Signed with the clerk's key but naming the admin's key id.
    const wrongKey = { ...saleMutation(shop), keyId: shop.signers.get(shop.admin.id)!.keyId };
    const later = { ...saleMutation(shop), createdAt: new Date(Date.now() + 1000).toISOString() };
    const res = await pushed([forged, missing, noKeyId, replayed, moved, altered, wrongKey, later]);
    expect(outcomes(res)).toEqual(Array.from({ length: 8 }, () => 'bad_staff_proof'));
    expect(await seqNow()).toBe(before);
  });

  it('accepts a proof the tablet made with WebCrypto as well as one made with node:crypto', async () => {
    const sale = saleMutation(shop);
    const signer = shop.signers.get(shop.clerk.id)!;
    const keys = await staffKeysOf(signer.secret, signer.keyId);
    const fromWebCrypto = await signMutation(keys.proofKey, { ...sale, keyId: signer.keyId }, shop.device.deviceId);
    expect(fromWebCrypto).toBe(sale.proof);
    expect(fromWebCrypto).toBe(proofOf(signer, { ...sale, keyId: signer.keyId }, shop.device.deviceId));
    expect(outcomes(await pushed([{ ...sale, proof: fromWebCrypto }]))).toEqual(['applied']);
  });

  it("refuses a clerk's price change and a clerk's write-off above the limit, and lets the admin make both", async () => {
    const before = await seqNow();
    const reprice = productUpdateMutation(shop, shop.rice.id, { priceFen: 1 }, shop.clerk.id);
    const bigWriteOff = adjustMutation(shop, shop.rice.id, -(CLERK_WRITE_OFF_MAX + 1));
    expect(outcomes(await pushed([reprice, bigWriteOff]))).toEqual(['not_permitted', 'not_permitted']);
    expect(await seqNow()).toBe(before);

    const smallWriteOff = adjustMutation(shop, shop.rice.id, -CLERK_WRITE_OFF_MAX);
    const countUp = adjustMutation(shop, shop.rice.id, 50);
    const adminWriteOff = adjustMutation(shop, shop.rice.id, -(CLERK_WRITE_OFF_MAX + 1), shop.admin.id);
    const adminReprice = productUpdateMutation(shop, shop.rice.id, { priceFen: 4100 });
    expect(outcomes(await pushed([smallWriteOff, countUp, adminWriteOff, adminReprice]))).toEqual(['applied', 'applied', 'applied', 'applied']);
  });

  it('answers a re-pushed refusal the same way', async () => {
    const forged = { ...saleMutation(shop), proof: 'B'.repeat(22) };
    const first = await pushed([forged]);
    expect(await pushed([forged])).toEqual({ ...first, serverTime: expect.any(String) });
  });
});
