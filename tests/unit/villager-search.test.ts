import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCustomer, type VillagerInput } from '../../src/client/data/commands/customer-create';
import { deleteCustomer } from '../../src/client/data/commands/customer-delete';
import { mergeCustomers } from '../../src/client/data/commands/customer-merge';
import { updateCustomer } from '../../src/client/data/commands/customer-update';
import { searchVillagers } from '../../src/client/data/queries/villagers';
import { loadSearchKeys, searchQuery } from '../../src/client/data/villager-search';
import { applyPullPage } from '../../src/client/sync/pull';
import { settlePushResults } from '../../src/client/sync/settle-push';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { Customer } from '../../src/shared/domain/villagers';
import { localDevice } from './support/local-device';

function villager(fields: Partial<VillagerInput> & { name: string }): VillagerInput {
  return { consent: true, phone: '', village: '', household: '', householdSize: 0, notes: '', ...fields };
}

function pulledCustomer(centreId: string, fields: Partial<Customer> & { name: string }): Customer {
  const now = new Date().toISOString();
  return {
    id: uuidv7(), centreId, createdAt: now, updatedAt: now, createdBy: 'other-tablet',
    consent: true, phone: '', village: '', household: '', householdSize: 0, notes: '', mergedInto: null, deleted: false,
    ...fields,
  };
}

const names = (found: Customer[]) => found.map((c) => c.name).sort();

describe('villager search keys', () => {
  it('key a Chinese name by itself, its pinyin in full from each syllable, its initials and its given name', async () => {
    const keys = (await loadSearchKeys()).keysOf(pulledCustomer('c', { name: '王芳', phone: '138 0013 8000', village: '红星村' }));
    expect(keys).toEqual(expect.arrayContaining(['王芳', '芳', 'wangfang', 'fang', 'wf', '13800138000', '8000', '红星村', 'hongxingcun', 'hxc']));
  });

  it('read a surname as a surname (单 is Shan in a name) and key Latin and Uyghur names by their words', async () => {
    const builder = await loadSearchKeys();
    expect(builder.keysOf(pulledCustomer('c', { name: '单雄' }))).toContain('shanxiong');
    expect(builder.keysOf(pulledCustomer('c', { name: 'Aygul Tursun' }))).toEqual(expect.arrayContaining(['aygultursun', 'aygul', 'tursun']));
    expect(builder.keysOf(pulledCustomer('c', { name: 'ئايگۈل تۇرسۇن' }))).toEqual(expect.arrayContaining(['ئايگۈل', 'تۇرسۇن']));
  });

  it('give a deleted villager no keys at all', async () => {
    expect((await loadSearchKeys()).keysOf(pulledCustomer('c', { name: '王芳', deleted: true }))).toEqual([]);
  });

  it('read a typed phone as its digits and anything else as lower-case text without spaces', () => {
    expect(searchQuery('+86 138-0013-8000')).toBe('13800138000');
    expect(searchQuery(' 8000 ')).toBe('8000');
    expect(searchQuery('Wang Fang')).toBe('wangfang');
    expect(searchQuery('ＷＦ')).toBe('wf');
  });
});

describe('villager search on the tablet', () => {
  it('find a villager created here by initials, a pinyin prefix, the last four phone digits and the village in pinyin', async () => {
    const { db, ctx } = await localDevice('search');
    await createCustomer(villager({ name: '王芳', phone: '138 0013 8000', village: '红星村' }), ctx);
    await createCustomer(villager({ name: '李强', phone: '13912345678', village: '东风村' }), ctx);
    await createCustomer(villager({ name: '吴凤', consent: false }), ctx);

    expect(names(await searchVillagers(db, 'wf'))).toEqual(['吴凤', '王芳']);
    expect(names(await searchVillagers(db, 'wangf'))).toEqual(['王芳']);
    expect(names(await searchVillagers(db, '8000'))).toEqual(['王芳']);
    expect(names(await searchVillagers(db, '139 1234'))).toEqual(['李强']);
    expect(names(await searchVillagers(db, 'hongx'))).toEqual(['王芳']);
    expect(names(await searchVillagers(db, 'dfc'))).toEqual(['李强']);
    expect(names(await searchVillagers(db, '芳'))).toEqual(['王芳']);
    expect(await searchVillagers(db, 'zzz')).toEqual([]);
  });

  it('an edit re-keys the villager: the old village no longer finds them, the new one does', async () => {
    const { db, ctx } = await localDevice('search-edit');
    const fang = await createCustomer(villager({ name: '王芳', village: '红星村' }), ctx);
    await updateCustomer(fang, villager({ name: '王芳', village: '东风村' }), ctx);
    expect(await searchVillagers(db, 'hongxing')).toEqual([]);
    expect(names(await searchVillagers(db, 'dongfeng'))).toEqual(['王芳']);
  });

  it('a merged villager is found as the survivor, once; a deleted one is not found', async () => {
    const { db, ctx } = await localDevice('search-merge');
    const survivor = await createCustomer(villager({ name: '王芳', phone: '13800138000', village: '红星村' }), ctx);
    const duplicate = await createCustomer(villager({ name: '王小芳', village: '红星村' }), ctx);
    const gone = await createCustomer(villager({ name: '王五', village: '红星村' }), ctx);
    await mergeCustomers(survivor.id, duplicate.id, ctx);
    await deleteCustomer(gone.id, ctx);

    const byMergedName = await searchVillagers(db, 'wangxiaof');
    expect(byMergedName.map((c) => c.id)).toEqual([survivor.id]);
    const all = await searchVillagers(db, 'w');
    expect(all.map((c) => c.id)).toEqual([survivor.id]);
    expect(await searchVillagers(db, 'wangwu')).toEqual([]);
    // The list without a query hides them too.
    expect((await searchVillagers(db, '')).map((c) => c.id)).toEqual([survivor.id]);
  });

  it('villagers pulled from the server are keyed in the page that brings them', async () => {
    const { db, centre } = await localDevice('search-pull');
    const fang = pulledCustomer(centre.id, { name: '王芳', village: '红星村' });
    await applyPullPage(db, { rows: { customers: [fang] }, cursor: 5, hasMore: false });
    expect((await db.customerSearch.get(fang.id))?.keys).toContain('wf');
    expect((await searchVillagers(db, 'wf')).map((c) => c.id)).toEqual([fang.id]);

    // A later page deleting them takes their keys away.
    await applyPullPage(db, { rows: { customers: [{ ...fang, deleted: true, village: '', updatedAt: new Date().toISOString() }] }, cursor: 6, hasMore: false });
    expect(await searchVillagers(db, 'wf')).toEqual([]);
  });

  it('a pulled row waiting behind a local change is keyed when that change is answered', async () => {
    const { db, ctx } = await localDevice('search-shadow');
    const fang = await createCustomer(villager({ name: '王芳', village: '红星村' }), ctx);
    const serverVersion = { ...fang, village: '东风村', updatedAt: new Date(Date.now() + 1000).toISOString() };
    await applyPullPage(db, { rows: { customers: [serverVersion] }, cursor: 7, hasMore: false });
    // The optimistic row stays, with its keys, while its change waits.
    expect(names(await searchVillagers(db, 'hongxing'))).toEqual(['王芳']);
    const queue = await db.outbox.toArray();
    await settlePushResults(db, queue, queue.map((e) => ({ id: e.id, status: 'applied' as const })));
    expect(await searchVillagers(db, 'hongxing')).toEqual([]);
    expect(names(await searchVillagers(db, 'dongfeng'))).toEqual(['王芳']);
  });

  it('a creation the server refuses is rolled back with its keys', async () => {
    const { db, ctx } = await localDevice('search-refused');
    const fang = await createCustomer(villager({ name: '王芳' }), ctx);
    expect((await searchVillagers(db, 'wf')).map((c) => c.id)).toEqual([fang.id]);
    const queue = await db.outbox.toArray();
    await settlePushResults(db, queue, queue.map((e) => ({ id: e.id, status: 'refused' as const, code: 'not_permitted' as const })));
    expect(await db.customers.get(fang.id)).toBeUndefined();
    expect(await db.customerSearch.get(fang.id)).toBeUndefined();
    expect(await searchVillagers(db, 'wf')).toEqual([]);
  });
});
