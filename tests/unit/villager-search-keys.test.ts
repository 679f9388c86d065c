import { describe, expect, it } from 'vitest';
import { loadSearchKeys } from '../../src/client/data/villager-search';
import type { Customer } from '../../src/shared/domain/villagers';

function customer(id: string, fields: Partial<Customer> & { name: string }): Customer {
  const now = new Date().toISOString();
  return {
    id, centreId: 'c', createdAt: now, updatedAt: now, createdBy: 's',
    consent: true, phone: '', village: '', household: '', householdSize: 0, notes: '', mergedInto: null, deleted: false,
    ...fields,
  };
}

describe('search keys of many villagers of one village', () => {
  it('key every villager fully however often a name or village repeats, each with keys of its own', async () => {
    const builder = await loadSearchKeys();
    const first = builder.keysOf(customer('a', { name: '王芳', phone: '13800138000', village: '红星村' }));
    // Changing one villager's keys (as a caller may) never reaches the next villager's.
    first.push('changed');
    first.splice(0, 3);
    const second = builder.keysOf(customer('b', { name: '王芳', phone: '13912345678', village: '红星村' }));
    expect(second).toEqual(expect.arrayContaining(['王芳', '芳', 'wangfang', 'fang', 'wf', '13912345678', '5678', '红星村', 'hongxingcun', 'hxc']));
    expect(second).not.toContain('changed');
    expect(second).not.toContain('13800138000');
    const elsewhere = builder.keysOf(customer('c', { name: '李强', village: '东风村' }));
    expect(elsewhere).toEqual(expect.arrayContaining(['李强', 'liqiang', 'lq', '东风村', 'dongfengcun', 'dfc']));
    expect(elsewhere).not.toContain('红星村');
  });
});
