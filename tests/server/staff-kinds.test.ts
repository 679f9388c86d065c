import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { writeServerRows } from '../../src/server/admin/operations';
import { toBase64Url } from '../../src/shared/auth/base64';
import { newStaffSecret, STAFF_KEY_MIN_ITERATIONS, wrapStaffSecret } from '../../src/shared/auth/staff-key';
import type { Review, Staff } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { hashPin } from '../../src/shared/domain/pin';
import type { MutationEnvelope, PullResponse, PushResponse } from '../../src/shared/protocol/messages';
import { newKeyFor, sign, signerOf, TEST_PINS } from '../support/signing';
import { makeCentre, pull, push, pushBody, receiveMutation, saleMutation, signed, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

const outcomes = (res: PushResponse) => res.results.map((r) => (r.status === 'refused' ? r.code : r.status));

describe.each(storeKinds())('staff changes on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'K');
  });
  afterAll(() => opened.dispose());

  const pushed = async (mutations: MutationEnvelope[]) =>
    (await (await push(app, shop.device.token, pushBody(shop, mutations))).json()) as PushResponse;
  const staffMutation = (kind: string, args: unknown, staffId = shop.admin.id, createdAt = new Date().toISOString()) =>
    signed(shop, { id: uuidv7(), kind, staffId, createdAt, args });
  const saleBy = (staffId: string) => signed(shop, { ...unsignedSale(), staffId });
  const unsignedSale = () => {
    const { keyId: _k, proof: _p, ...m } = saleMutation(shop);
    return m;
  };
  const staffRows = async () => ((await (await pull(app, shop.device.token, 0, 5000)).json()) as PullResponse).rows.staff as Staff[];
  const reviewRows = async () => (((await (await pull(app, shop.device.token, 0, 5000)).json()) as PullResponse).rows.reviews ?? []) as Review[];

  /** A new clerk added on the admin's tablet: the row, the sealed secret, and their signer registered with the centre. */
  async function createStaff(role: 'clerk' | 'admin' | 'trainer', name: string) {
    const staffId = uuidv7();
    const made = await newKeyFor(shop.signers.get(shop.admin.id)!, staffId, TEST_PINS[role]);
    const mutation = staffMutation('staff.create', { staffId, name, role, key: made.key, sealedKey: made.sealedKey });
    shop.signers.set(staffId, made.signer);
    return { staffId, mutation, made };
  }

  it('adds a staff member whose sealed secret the server keeps: they sign at once, in the same batch too', async () => {
    const { staffId, mutation, made } = await createStaff('clerk', '新店员');
    expect(outcomes(await pushed([mutation, saleBy(staffId)]))).toEqual(['applied', 'applied']);
    expect(outcomes(await pushed([saleBy(staffId)]))).toEqual(['applied']);
    const row = (await staffRows()).find((s) => s.id === staffId)!;
    expect(row).toMatchObject({ name: '新店员', role: 'clerk', active: true, keyId: made.key.keyId, wrappedKey: made.key.wrappedKey });
    expect(row.pinHash).toBeUndefined();
  });

  it('refuses a staff member added by a clerk, one whose secret was sealed by someone else, and one added twice', async () => {
    const byClerkId = uuidv7();
    const byClerk = await newKeyFor(shop.signers.get(shop.clerk.id)!, byClerkId, '4321');
    const asClerk = staffMutation('staff.create', { staffId: byClerkId, name: 'A', role: 'admin', key: byClerk.key, sealedKey: byClerk.sealedKey }, shop.clerk.id);
    const staffId = uuidv7();
    const sealedByClerk = await newKeyFor(shop.signers.get(shop.clerk.id)!, staffId, '4444');
    const wrongSeal = staffMutation('staff.create', { staffId, name: 'B', role: 'clerk', key: sealedByClerk.key, sealedKey: sealedByClerk.sealedKey });
    const first = await createStaff('trainer', 'C');
    const again = staffMutation('staff.create', { ...(first.mutation.args as object) });
    expect(outcomes(await pushed([asClerk, wrongSeal, first.mutation, again]))).toEqual([
      'not_permitted',
      'bad_staff_proof',
      'applied',
      'already_exists',
    ]);
    // The trainer's key works, but a trainer may not sell yet.
    expect(outcomes(await pushed([saleBy(first.staffId)]))).toEqual(['not_permitted']);
  });

  it('sets a new PIN: changes signed with the old key before still apply, and the new key signs', async () => {
    const { staffId, mutation } = await createStaff('clerk', '重置');
    expect(outcomes(await pushed([mutation]))).toEqual(['applied']);
    const oldSigner = shop.signers.get(staffId)!;
    const signedBefore = saleBy(staffId);
    const made = await newKeyFor(shop.signers.get(shop.admin.id)!, staffId, '5678');
    const reset = staffMutation('staff.resetPin', { staffId, key: made.key, sealedKey: made.sealedKey });
    expect(outcomes(await pushed([reset]))).toEqual(['applied']);
    shop.signers.set(staffId, made.signer);
    expect(outcomes(await pushed([signedBefore, saleBy(staffId)]))).toEqual(['applied', 'applied']);
    expect((await staffRows()).find((s) => s.id === staffId)?.keyId).toBe(made.key.keyId);
    // The old key still verifies what it signed: it was not thrown away.
    expect(outcomes(await pushed([sign(oldSigner, unsignedWithStaff(staffId), shop.device.deviceId)]))).toEqual(['applied']);
  });

  const unsignedWithStaff = (staffId: string) => ({ ...unsignedSale(), staffId });

  it("applies and flags a deactivated clerk's later sale, and refuses their other changes", async () => {
    const { staffId, mutation } = await createStaff('clerk', '离职');
    expect(outcomes(await pushed([mutation]))).toEqual(['applied']);
    const deactivate = staffMutation('staff.deactivate', { staffId });
    expect(outcomes(await pushed([deactivate]))).toEqual(['applied']);
    const row = (await staffRows()).find((s) => s.id === staffId)!;
    expect(row.active).toBe(false);
    expect(row.deactivatedAt).toBe(deactivate.createdAt);

    const sale = saleBy(staffId);
    const receive = signed(shop, { ...receiveMutation(shop, shop.rice.id, 3), staffId });
    expect(outcomes(await pushed([sale, receive]))).toEqual(['applied', 'unknown_staff']);
    const reviews = await reviewRows();
    expect(reviews).toEqual([
      expect.objectContaining({
        kind: 'sale_by_inactive_staff',
        refTable: 'sales',
        refId: (sale.args as { saleId: string }).saleId,
        staffId,
        deviceId: shop.device.deviceId,
        centreId: shop.centre.id,
      }),
    ]);
    // An active clerk's sale is not flagged.
    expect(outcomes(await pushed([saleMutation(shop)]))).toEqual(['applied']);
    expect(await reviewRows()).toHaveLength(1);
  });

  it('keeps an admin: none deactivates themself, and the last one keeps the role', async () => {
    const self = staffMutation('staff.deactivate', { staffId: shop.admin.id });
    const demote = staffMutation('staff.setRole', { staffId: shop.admin.id, role: 'clerk' });
    expect(outcomes(await pushed([self, demote]))).toEqual(['cannot_deactivate_self', 'last_admin']);
    const second = await createStaff('admin', '第二管理员');
    const promote = staffMutation('staff.setRole', { staffId: shop.clerk.id, role: 'clerk' });
    expect(outcomes(await pushed([second.mutation, promote]))).toEqual(['applied', 'applied']);
    // With a second admin, the first may step down; the second may then not.
    const stepDown = staffMutation('staff.setRole', { staffId: shop.admin.id, role: 'clerk' });
    const lastOne = staffMutation('staff.setRole', { staffId: second.staffId, role: 'clerk' }, second.staffId);
    expect(outcomes(await pushed([stepDown, lastOne]))).toEqual(['applied', 'last_admin']);
    // The first admin is a clerk now: staff changes are no longer theirs.
    expect(outcomes(await pushed([staffMutation('staff.setRole', { staffId: shop.clerk.id, role: 'trainer' })]))).toEqual(['not_permitted']);
  });

  it('lets a staff member of before keys adopt one, once, signed with the adopted key', async () => {
    const now = new Date().toISOString();
    const legacyId = uuidv7();
    const legacy: Staff = {
      id: legacyId, centreId: shop.centre.id, name: '老员工', role: 'clerk', active: true,
      ...(await hashPin('2468', 1000)), createdAt: now, updatedAt: now, createdBy: legacyId,
    };
    await writeServerRows(opened.store, shop.centre.id, [{ table: 'staff', row: legacy }]);
    // Nobody can sign for them yet.
    expect(outcomes(await pushed([sign(await someSigner(legacyId), unsignedWithStaff(legacyId), shop.device.deviceId)]))).toEqual(['bad_staff_proof']);

    const adopt = await adoption(legacyId, '2468');
    const forged = await adoption(legacyId, '2468');
    const otherKeyProof = { ...forged.mutation, proof: adopt.mutation.proof };
    expect(outcomes(await pushed([otherKeyProof]))).toEqual(['bad_staff_proof']);
    expect(outcomes(await pushed([adopt.mutation]))).toEqual(['applied']);
    const row = (await staffRows()).find((s) => s.id === legacyId)!;
    expect(row).toMatchObject({ keyId: adopt.signer.keyId, keyIterations: STAFF_KEY_MIN_ITERATIONS });
    expect(row.pinHash).toBeUndefined();
    shop.signers.set(legacyId, adopt.signer);
    expect(outcomes(await pushed([saleBy(legacyId)]))).toEqual(['applied']);

    // The first adoption won: a second one (another tablet) and one for a staff member with a key are refused.
    const late = await adoption(legacyId, '2468');
    const keyed = await adoption(shop.clerk.id, TEST_PINS.clerk);
    expect(outcomes(await pushed([late.mutation, keyed.mutation]))).toEqual(['key_exists', 'key_exists']);
  });

  async function someSigner(staffId: string) {
    return signerOf(staffId, crypto.randomUUID(), newStaffSecret());
  }

  async function adoption(staffId: string, pin: string) {
    const secret = newStaffSecret();
    const keyId = crypto.randomUUID();
    const key = await wrapStaffSecret(secret, pin, staffId, keyId, STAFF_KEY_MIN_ITERATIONS);
    const signer = await signerOf(staffId, keyId, secret);
    const unsigned = { id: uuidv7(), kind: 'staff.adoptKey', staffId, createdAt: new Date().toISOString(), args: { key, secret: toBase64Url(secret) } };
    return { signer, mutation: sign(signer, unsigned, shop.device.deviceId) };
  }
});
