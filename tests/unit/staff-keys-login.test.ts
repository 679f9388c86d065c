import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../src/shared/auth/base64';
import { staffKeysOf, unwrapStaffSecret } from '../../src/shared/auth/staff-key';
import { verifyMutationProof } from '../../src/shared/auth/staff-proof';
import { ADOPT_KEY_KIND } from '../../src/client/auth/adopt-key';
import { getSession, login, logout } from '../../src/client/auth/session';
import { completeSale, createProduct, receiveStock } from '../../src/client/data/commands';
import type { CunzhanDb, OutboxEntry } from '../../src/client/data/db';
import { readBatch } from '../../src/client/sync/outbox';
import { localDevice, productInput, TEST_PIN } from './support/local-device';

afterEach(() => logout());

async function queue(db: CunzhanDb): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').toArray();
}

/** Takes the proofs off entries, as a tablet from before proofs queued them. */
async function unsign(db: CunzhanDb): Promise<void> {
  const entries = await queue(db);
  await db.outbox.bulkPut(entries.map(({ keyId: _k, proof: _p, ...e }) => e));
}

async function verifies(entry: OutboxEntry, proofKey: CryptoKey, deviceId: string): Promise<boolean> {
  return verifyMutationProof(proofKey, { ...entry, keyId: entry.keyId! }, deviceId, entry.proof!);
}

describe('signing in unwraps the staff key', () => {
  it('the PIN unlocks keys that sign as the shared secret does; no PIN hash is read', async () => {
    const { db, staff, keys, ctx } = await localDevice('unwrap');
    expect(staff.pinHash).toBeUndefined();
    const session = await login(staff.id, TEST_PIN, db);
    expect(session.keys.keyId).toBe(staff.keyId);
    expect(getSession()?.keys).toBe(session.keys);
    expect((await db.sessionKeys.toArray()).map((r) => r.staffId)).toEqual([staff.id]);

    // A change made in the session verifies under the keys derived from the same secret, for this device only.
    await createProduct(productInput(), { ...ctx, keys: session.keys });
    const [entry] = await queue(db);
    expect(entry).toMatchObject({ keyId: staff.keyId, proof: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(await verifies(entry!, keys.proofKey, ctx.deviceId)).toBe(true);
    expect(await verifies(entry!, keys.proofKey, '01890000-0000-7000-8000-0000000000aa')).toBe(false);

    logout();
    expect(await db.sessionKeys.count()).toBe(0);
  });

  it('a command signs over the args as queued, before its transaction, and the push sends the proof', async () => {
    const { db, keys, ctx } = await localDevice('sign-sale');
    const product = await createProduct(productInput(), ctx);
    await receiveStock({ productId: product.id, qty: 5, note: '' }, ctx);
    const sale = await completeSale({ lines: [{ productId: product.id, qty: 2 }], tenderedFen: 10_000 }, ctx);
    const entries = await queue(db);
    expect(entries.map((e) => e.kind)).toEqual(['product.create', 'stock.receive', 'sale.create']);
    for (const entry of entries) expect(await verifies(entry, keys.proofKey, ctx.deviceId)).toBe(true);
    expect(entries[2]!.args).toMatchObject({ saleId: sale.id, receiptNo: sale.receiptNo });

    const batch = await readBatch(db, ctx.deviceId, 0);
    const sent = JSON.parse(batch!.mutations.text) as { proof?: string; keyId?: string }[];
    expect(sent.map((m) => m.proof)).toEqual(entries.map((e) => e.proof));
    expect(sent.every((m) => m.keyId === keys.keyId)).toBe(true);
  });
});

describe('changes queued before proofs', () => {
  it('wait (and hold back what follows) until their author signs in, who signs them in place', async () => {
    const { db, staff, keys, ctx } = await localDevice('old-queue');
    const product = await createProduct(productInput(), ctx);
    await unsign(db);
    await receiveStock({ productId: product.id, qty: 3, note: '' }, ctx);
    expect(await readBatch(db, ctx.deviceId, 0)).toBeNull();

    const seqsBefore = (await queue(db)).map((e) => e.seq);
    await login(staff.id, TEST_PIN, db);
    const entries = await queue(db);
    expect(entries.map((e) => e.seq)).toEqual(seqsBefore);
    for (const entry of entries) expect(await verifies(entry, keys.proofKey, ctx.deviceId)).toBe(true);
    expect((await readBatch(db, ctx.deviceId, 0))!.entries).toHaveLength(2);
  });

  it('a person from before keys adopts one at the first sign-in: the key goes first in the queue, then their old changes, signed', async () => {
    const { db, staff, ctx } = await localDevice('legacy', { legacy: true });
    expect(staff.wrappedKey).toBeUndefined();
    const noKeys = { ...ctx };
    delete noKeys.keys;
    const product = await createProduct(productInput(), noKeys);
    await receiveStock({ productId: product.id, qty: 3, note: '' }, noKeys);
    const before = await queue(db);
    expect(before.every((e) => e.proof === undefined)).toBe(true);

    const session = await login(staff.id, TEST_PIN, db);
    const row = (await db.staff.get(staff.id))!;
    expect(row).toMatchObject({ keyId: session.keys.keyId, keyIterations: expect.any(Number) });
    expect(row.pinHash).toBeUndefined();
    expect(row.wrappedKey).toBeTypeOf('string');

    const entries = await queue(db);
    expect(entries.map((e) => e.kind)).toEqual([ADOPT_KEY_KIND, 'product.create', 'stock.receive']);
    expect(entries.slice(1).map((e) => e.id)).toEqual(before.map((e) => e.id));
    const adopt = entries[0]!;
    const args = adopt.args as { key: { keyId: string }; secret: string };
    expect(args.key.keyId).toBe(session.keys.keyId);
    // What the server will do: derive the proof key from the secret sent and check every proof.
    const serverKeys = await staffKeysOf(fromBase64Url(args.secret), args.key.keyId);
    for (const entry of entries) expect(await verifies(entry, serverKeys.proofKey, ctx.deviceId)).toBe(true);
    // The wrapped key opens with the same PIN, and only with it.
    const material = { keyId: row.keyId!, keySalt: row.keySalt!, keyIterations: row.keyIterations!, wrappedKey: row.wrappedKey! };
    expect(await unwrapStaffSecret(material, TEST_PIN, staff.id)).toEqual(fromBase64Url(args.secret));
    expect(await unwrapStaffSecret(material, '9999', staff.id)).toBeNull();

    // The next sign-in unwraps; nothing is adopted twice.
    logout();
    await login(staff.id, TEST_PIN, db);
    expect((await queue(db)).filter((e) => e.kind === ADOPT_KEY_KIND)).toHaveLength(1);
  });
});
