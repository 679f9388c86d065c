import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/domain/ids';
import { MERGE_CHAIN_MAX, resolveCustomer, resolveCustomerId } from '../../src/shared/domain/resolve-customer';
import { MemoryCentre } from './support/memory-centre';
import { addPlatform, addVillager, expectApplied, logArgs, orderArgs } from './support/village-rows';

describe('resolveCustomer', () => {
  const chain = (links: Record<string, string | null>) => (id: string) => (id in links ? { id, mergedInto: links[id]! } : undefined);

  it('follows merges to the survivor, through chains', () => {
    const lookup = chain({ a: 'b', b: 'c', c: null, d: null });
    expect(resolveCustomerId('a', lookup)).toBe('c');
    expect(resolveCustomerId('b', lookup)).toBe('c');
    expect(resolveCustomerId('d', lookup)).toBe('d');
    expect(resolveCustomer('a', lookup)).toEqual({ id: 'c', mergedInto: null });
  });

  it('gives the id itself when it is not known, and stops after a bounded number of steps on a loop', () => {
    expect(resolveCustomerId('x', chain({}))).toBe('x');
    expect(resolveCustomer('x', chain({}))).toBeUndefined();
    const loop = chain({ a: 'b', b: 'a' });
    expect(['a', 'b']).toContain(resolveCustomerId('a', loop));
    const long = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`n${i}`, i < 19 ? `n${i + 1}` : null]));
    expect(resolveCustomerId('n0', chain(long))).toBe(`n${MERGE_CHAIN_MAX}`);
  });
});

describe('merging and deleting villagers', () => {
  it('merge: the merged row points to the survivor; both must be live and different', () => {
    const centre = new MemoryCentre();
    const survivor = addVillager(centre, { name: '王芳', phone: '13812345678' });
    const twin = addVillager(centre, { name: '王 芳', phone: '138 1234 5678' });
    expect(centre.run('customer.merge', { survivorId: survivor, mergedId: twin }).ok).toBe(false); // a clerk may not
    expect(centre.run('customer.merge', { survivorId: survivor, mergedId: survivor }, { role: 'admin' })).toMatchObject({ ok: false, code: 'invalid_args' });
    expectApplied(centre.run('customer.merge', { survivorId: survivor, mergedId: twin }, { role: 'admin' }));
    expect(centre.get('customers', twin)?.mergedInto).toBe(survivor);
    // A merged villager is no survivor and cannot be merged or edited again.
    const other = addVillager(centre);
    expect(centre.run('customer.merge', { survivorId: twin, mergedId: other }, { role: 'admin' })).toMatchObject({ ok: false, code: 'unknown_customer' });
    expect(centre.run('customer.update', { customerId: twin, patch: { name: '王芳芳' } })).toMatchObject({ ok: false, code: 'unknown_customer' });
  });

  it('order.create and parcel.log for a merged villager are written for the survivor', () => {
    const centre = new MemoryCentre();
    const survivor = addVillager(centre);
    const twin = addVillager(centre);
    const platformId = addPlatform(centre);
    expectApplied(centre.run('customer.merge', { survivorId: survivor, mergedId: twin }, { role: 'admin' }));
    const args = orderArgs(twin, platformId);
    expectApplied(centre.run('order.create', args));
    expect(centre.get('orders', args.orderId)?.customerId).toBe(survivor);
    const parcel = logArgs('123456', { customerId: twin });
    expectApplied(centre.run('parcel.log', parcel));
    expect(centre.get('parcels', parcel.parcelId)?.customerId).toBe(survivor);
  });

  it('orders made before a merge resolve to the survivor through a chain of merges', () => {
    const centre = new MemoryCentre();
    const [a, b, c] = [addVillager(centre), addVillager(centre), addVillager(centre)];
    const args = orderArgs(a, addPlatform(centre));
    expectApplied(centre.run('order.create', args));
    expectApplied(centre.run('customer.merge', { survivorId: b, mergedId: a }, { role: 'admin' }));
    expectApplied(centre.run('customer.merge', { survivorId: c, mergedId: b }, { role: 'admin' }));
    const order = centre.get('orders', args.orderId)!;
    expect(order.customerId).toBe(a);
    expect(resolveCustomerId(order.customerId, (id) => centre.get('customers', id))).toBe(c);
  });

  it('delete: admin only, personal fields cleared and the name kept; orders and parcels for them are refused', () => {
    const centre = new MemoryCentre();
    const id = addVillager(centre, { name: '赵玉梅', phone: '13565439902', village: '红旗村' });
    const platformId = addPlatform(centre);
    expect(centre.run('customer.delete', { customerId: id })).toMatchObject({ ok: false, code: 'not_permitted' });
    expectApplied(centre.run('customer.delete', { customerId: id }, { role: 'admin' }));
    expect(centre.get('customers', id)).toMatchObject({ name: '赵玉梅', deleted: true, consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '' });
    expect(centre.run('order.create', orderArgs(id, platformId))).toMatchObject({ ok: false, code: 'unknown_customer' });
    expect(centre.run('parcel.log', logArgs('123456', { customerId: id }))).toMatchObject({ ok: false, code: 'unknown_customer' });
    expect(centre.run('customer.update', { customerId: id, patch: { name: 'x' } })).toMatchObject({ ok: false, code: 'unknown_customer' });
    expect(centre.run('customer.delete', { customerId: id }, { role: 'admin' })).toMatchObject({ ok: false, code: 'unknown_customer' });
  });

  it('without consent only a name is kept: create and update refuse personal data, withdrawing consent clears it', () => {
    const centre = new MemoryCentre();
    const base = { customerId: uuidv7(), name: '李大爷', consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '' };
    expectApplied(centre.run('customer.create', base, { role: 'trainer' }));
    expect(centre.run('customer.create', { ...base, customerId: uuidv7(), phone: '13812345678' })).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(centre.run('customer.create', { ...base, customerId: uuidv7(), householdSize: 3 })).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(centre.run('customer.update', { customerId: base.customerId, patch: { village: '红旗村' } })).toMatchObject({ ok: false, code: 'invalid_args' });
    expectApplied(centre.run('customer.update', { customerId: base.customerId, patch: { consent: true, phone: '+86 138-1234-5678', village: '红旗村' } }));
    expect(centre.get('customers', base.customerId)).toMatchObject({ consent: true, phone: '13812345678', village: '红旗村' });
    expectApplied(centre.run('customer.update', { customerId: base.customerId, patch: { consent: false } }));
    expect(centre.get('customers', base.customerId)).toMatchObject({ consent: false, phone: '', village: '', name: '李大爷' });
    expect(centre.run('customer.update', { customerId: base.customerId, patch: { consent: false, notes: '留言' } })).toMatchObject({ ok: false, code: 'invalid_args' });
  });

  it('refuses a phone that is not a mainland mobile number and a name too long', () => {
    const centre = new MemoryCentre();
    const base = { customerId: uuidv7(), name: '王芳', consent: true, phone: '', village: '', household: '', householdSize: 0, notes: '' };
    for (const phone of ['12812345678', '1381234567', '0991-1234567', '+1 13812345678', 'abc']) {
      expect(centre.run('customer.create', { ...base, customerId: uuidv7(), phone }), phone).toMatchObject({ ok: false, code: 'invalid_args' });
    }
    expect(centre.run('customer.create', { ...base, name: '王'.repeat(41) })).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(centre.run('customer.create', { ...base, name: '   ' })).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(centre.run('customer.create', { ...base, householdSize: 31 })).toMatchObject({ ok: false, code: 'invalid_args' });
  });
});
