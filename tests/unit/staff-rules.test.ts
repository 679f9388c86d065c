import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../src/shared/auth/canonical-json';
import type { Staff } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { CLERK_WRITE_OFF_MAX, roleMayRun, roleMaySee, SCREENS } from '../../src/shared/domain/permissions';
import { isPinAllowed, pinRuleFor } from '../../src/shared/domain/pin-rule';
import { MUTATION_KINDS } from '../../src/shared/mutations/kinds';
import { decideMutation, prepareMutation } from '../../src/shared/mutations/registry';
import type { MutationContext, ReadState } from '../../src/shared/mutations/types';

const centreId = uuidv7();
const now = new Date().toISOString();
const person = (role: Staff['role'], active = true): Staff => {
  const id = uuidv7();
  return { id, centreId, name: role, role, active, createdAt: now, updatedAt: now, createdBy: id };
};

/** A reader over these rows; `whole` false stands for a tablet that cannot list the centre's staff. */
function stateOf(rows: Staff[], whole = true): ReadState {
  const get = ((table: string, id: string) => (table === 'staff' ? rows.find((r) => r.id === id) : undefined)) as ReadState['get'];
  return whole ? { get, all: (() => rows) as NonNullable<ReadState['all']> } : { get };
}

const ctxOf = (staffId: string): MutationContext => ({ mutationId: uuidv7(), centreId, staffId, deviceId: uuidv7(), now });

function decide(kind: string, args: unknown, by: Staff, state: ReadState) {
  return decideMutation(prepareMutation(kind, args, by.id, now), state, ctxOf(by.id));
}

describe('roles', () => {
  it('lets an admin run every kind, a trainer only their own key adoption, registering villagers and training', () => {
    for (const kind of MUTATION_KINDS) {
      expect(roleMayRun('admin', kind), kind).toBe(true);
      expect(roleMayRun('trainer', kind), kind).toBe(kind === 'staff.adoptKey' || kind === 'customer.create' || kind.startsWith('training.'));
    }
  });

  it('lets a clerk serve villagers, orders and parcels, but not merge, delete, edit platforms or hand over by phone', () => {
    for (const kind of ['customer.create', 'customer.update', 'order.create', 'order.transition', 'parcel.log', 'parcel.match', 'parcel.return'] as const) {
      expect(roleMayRun('clerk', kind), kind).toBe(true);
    }
    for (const kind of ['customer.merge', 'customer.delete', 'platform.create', 'platform.update'] as const) {
      expect(roleMayRun('clerk', kind), kind).toBe(false);
    }
    expect(roleMayRun('clerk', 'parcel.handover', { method: 'code' })).toBe(true);
    expect(roleMayRun('clerk', 'parcel.handover', { method: 'phone_admin' })).toBe(false);
    expect(roleMayRun('admin', 'parcel.handover', { method: 'phone_admin' })).toBe(true);
  });

  it('lets a clerk sell, receive and write off a few units, and nothing of products or staff', () => {
    expect(roleMayRun('clerk', 'sale.create')).toBe(true);
    expect(roleMayRun('clerk', 'stock.receive')).toBe(true);
    expect(roleMayRun('clerk', 'stock.adjust', { delta: -CLERK_WRITE_OFF_MAX })).toBe(true);
    expect(roleMayRun('clerk', 'stock.adjust', { delta: 40 })).toBe(true);
    expect(roleMayRun('clerk', 'stock.adjust', { delta: -(CLERK_WRITE_OFF_MAX + 1) })).toBe(false);
    for (const kind of ['product.create', 'product.update', 'staff.create', 'staff.resetPin', 'staff.setRole', 'staff.deactivate'] as const) {
      expect(roleMayRun('clerk', kind), kind).toBe(false);
    }
  });

  it('shows each role its screens', () => {
    expect(SCREENS.filter((s) => roleMaySee('admin', s))).toEqual([...SCREENS]);
    expect(SCREENS.filter((s) => roleMaySee('clerk', s))).toEqual(['sell', 'sales', 'products', 'stock', 'settings', 'villagers', 'orders', 'parcels', 'training', 'cashup']);
    expect(SCREENS.filter((s) => roleMaySee('trainer', s))).toEqual(['sales', 'settings', 'villagers', 'training']);
  });

  it('refuses a clerk’s large write-off in the shared decide too', () => {
    const clerk = person('clerk');
    const args = { movementId: uuidv7(), productId: uuidv7(), delta: -(CLERK_WRITE_OFF_MAX + 1), reason: 'damage', note: '' };
    expect(decide('stock.adjust', args, clerk, stateOf([clerk]))).toEqual({ ok: false, code: 'not_permitted' });
  });
});

describe('PIN rules', () => {
  it('asks an admin for 6 digits and others for 4 to 6', () => {
    expect(pinRuleFor('admin')).toEqual({ minLength: 6, maxLength: 6 });
    expect(['111111', '012345'].every((pin) => isPinAllowed('admin', pin))).toBe(true);
    expect(['1111', '1234567', '12345a', ''].some((pin) => isPinAllowed('admin', pin))).toBe(false);
    expect(['2222', '22222', '222222'].every((pin) => isPinAllowed('clerk', pin) && isPinAllowed('trainer', pin))).toBe(true);
    expect(['222', '2222222', '22 22', '２２２２'].some((pin) => isPinAllowed('clerk', pin))).toBe(false);
  });
});

describe('staff kinds, decided alike on tablet and server', () => {
  it('keeps an active admin', () => {
    const admin = person('admin');
    const clerk = person('clerk');
    expect(decide('staff.setRole', { staffId: admin.id, role: 'clerk' }, admin, stateOf([admin, clerk]))).toEqual({ ok: false, code: 'last_admin' });
    expect(decide('staff.deactivate', { staffId: admin.id }, admin, stateOf([admin, clerk]))).toEqual({ ok: false, code: 'cannot_deactivate_self' });
    const second = person('admin');
    expect(decide('staff.setRole', { staffId: admin.id, role: 'clerk' }, admin, stateOf([admin, second])).ok).toBe(true);
    // An inactive second admin does not count.
    const gone = { ...second, active: false };
    expect(decide('staff.setRole', { staffId: admin.id, role: 'clerk' }, admin, stateOf([admin, gone]))).toEqual({ ok: false, code: 'last_admin' });
    // A reader that cannot list the centre's staff leaves the rule to the server.
    expect(decide('staff.setRole', { staffId: admin.id, role: 'clerk' }, admin, stateOf([admin], false)).ok).toBe(true);
  });

  it('deactivates with the time of the change, once', () => {
    const admin = person('admin');
    const clerk = person('clerk');
    const decision = decide('staff.deactivate', { staffId: clerk.id }, admin, stateOf([admin, clerk]));
    expect(decision).toMatchObject({ ok: true, changes: [{ table: 'staff', row: { id: clerk.id, active: false, deactivatedAt: now } }] });
    const again = decide('staff.deactivate', { staffId: clerk.id }, admin, stateOf([admin, { ...clerk, active: false }]));
    expect(again).toEqual({ ok: true, changes: [] });
  });

  it('still decides a sale by someone deactivated since (the server flags it), and nothing else of theirs', () => {
    const clerk = person('clerk', false);
    const sale = { saleId: uuidv7(), receiptNo: 'R-1', lines: [{ productId: uuidv7(), names: { en: 'x' }, unit: 'u', unitPriceFen: 100, qty: 1 }], tenderedFen: 100 };
    expect(decide('sale.create', sale, clerk, stateOf([clerk]))).toMatchObject({ ok: false, code: 'unknown_product' });
    const receive = { movementId: uuidv7(), productId: uuidv7(), qty: 1, note: '' };
    expect(decide('stock.receive', receive, clerk, stateOf([clerk]))).toEqual({ ok: false, code: 'unknown_staff' });
  });

  it('refuses key material below the iteration floor or malformed', () => {
    const admin = person('admin');
    const key = { keyId: crypto.randomUUID(), keySalt: 'AAAAAAAAAAAAAAAAAAAAAA==', keyIterations: 1000, wrappedKey: 'AAAA' };
    const args = { staffId: uuidv7(), name: 'x', role: 'clerk', key, sealedKey: 'AAAA' };
    expect(decide('staff.create', args, admin, stateOf([admin]))).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(decide('staff.create', { ...args, key: { ...key, keyIterations: 200_000 }, name: '' }, admin, stateOf([admin]))).toMatchObject({ ok: false, code: 'invalid_args' });
  });
});

describe('canonical JSON', () => {
  it('is JSON that reads back as the value, with keys in order, whatever the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});
