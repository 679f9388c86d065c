import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCustomer, type VillagerInput } from '../../src/client/data/commands/customer-create';
import { deleteCustomer } from '../../src/client/data/commands/customer-delete';
import { mergeCustomers } from '../../src/client/data/commands/customer-merge';
import { duplicateReason, findDuplicates } from '../../src/client/data/villager-duplicates';
import type { Customer } from '../../src/shared/domain/villagers';
import { localDevice } from './support/local-device';

function villager(fields: Partial<VillagerInput> & { name: string }): VillagerInput {
  return { consent: true, phone: '', village: '', household: '', householdSize: 0, notes: '', ...fields };
}

const known: Customer = {
  id: 'known', centreId: 'c', createdAt: '', updatedAt: '', createdBy: '',
  name: '王芳', consent: true, phone: '13800138000', village: '红星村', household: '', householdSize: 0, notes: '',
  mergedInto: null, deleted: false,
};

describe('the duplicate rule', () => {
  it.each([
    ['the same phone, typed with spaces and +86', { name: '芳芳', phone: '+86 138 0013 8000', village: '' }, 'phone'],
    ['the same name in the same village', { name: '王芳', phone: '', village: '红星村' }, 'name_village'],
    ['the same name and village, spaced and in other case', { name: ' 王芳 ', phone: '', village: '红星村 ' }, 'name_village'],
    ['the same name in another village', { name: '王芳', phone: '', village: '东风村' }, null],
    ['another phone, another name', { name: '李强', phone: '13912345678', village: '红星村' }, null],
    ['no phone never matches a villager without one', { name: '李强', phone: '', village: '' }, null],
  ] as const)('%s', (_, probe, reason) => {
    expect(duplicateReason(probe, known)).toBe(reason);
  });

  it('Latin names compare without case', () => {
    expect(duplicateReason({ name: 'AYGUL', phone: '', village: 'bostan' }, { ...known, name: 'Aygul', village: 'Bostan', phone: '' })).toBe('name_village');
  });
});

describe('duplicates on the tablet', () => {
  it('finds a villager by phone or by name and village, shows a merged one as its survivor and leaves deleted ones out', async () => {
    const { db, ctx } = await localDevice('duplicates');
    const fang = await createCustomer(villager({ name: '王芳', phone: '13800138000', village: '红星村' }), ctx);
    const twin = await createCustomer(villager({ name: '王小芳', phone: '13700000000', village: '红星村' }), ctx);
    const gone = await createCustomer(villager({ name: '李强', village: '东风村' }), ctx);
    await mergeCustomers(fang.id, twin.id, ctx);
    await deleteCustomer(gone.id, ctx);

    expect(await findDuplicates(db, { name: '芳', phone: '138-0013-8000', village: '' })).toMatchObject([{ customer: { id: fang.id }, reason: 'phone' }]);
    expect(await findDuplicates(db, { name: '王芳', phone: '', village: '红星村' })).toMatchObject([{ customer: { id: fang.id }, reason: 'name_village' }]);
    // The merged villager's own phone leads to the survivor.
    expect(await findDuplicates(db, { name: 'x', phone: '13700000000', village: '' })).toMatchObject([{ customer: { id: fang.id }, reason: 'phone' }]);
    expect(await findDuplicates(db, { name: '李强', phone: '', village: '东风村' })).toEqual([]);
    expect(await findDuplicates(db, { name: '李强', phone: '', village: '' })).toEqual([]);
    expect(await findDuplicates(db, { name: '张三', phone: '', village: '红星村' })).toEqual([]);
  });
});
