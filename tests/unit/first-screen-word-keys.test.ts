import { describe, expect, it } from 'vitest';
import { isReferenced, splitWords, wordReferences, type Words } from '../../src/build/first-screen-word-keys';
import zhCN from '../../src/client/i18n/locales/zh-CN.json';

const NAMESPACES = ['sell', 'nav', 'orders', 'time', 'common'];

describe("the first screens' words, read off their code", () => {
  it('takes keys named whole, in any quotes, and the prefixes of keys built at run time', () => {
    const code = [
      `t('sell.title')`,
      `t("common.ok", { count })`,
      'const tab = t(`nav.${screen}`);',
      "const label = { cash: 'orders.status.placed' };",
      'format(`time.ago.${unit}`, n)',
      // Not keys: a path, another namespace, a word that only starts like one.
      "import './sell.css'",
      "t('training.title')",
      "const sellers = 'sellers.count'",
    ].join('\n');
    const references = wordReferences(code, NAMESPACES);
    expect([...references.keys].sort()).toEqual(['common.ok', 'orders.status.placed', 'sell.title']);
    expect([...references.prefixes].sort()).toEqual(['nav.', 'time.ago.']);
  });

  it('counts plural and context forms, subtrees and built keys as referenced, and nothing else', () => {
    const references = { keys: new Set(['common.items', 'time.date']), prefixes: new Set(['nav.']) };
    expect(isReferenced('common.items', references)).toBe(true);
    expect(isReferenced('common.items_one', references)).toBe(true);
    expect(isReferenced('common.items_other', references)).toBe(true);
    expect(isReferenced('time.date.months.1', references)).toBe(true);
    expect(isReferenced('nav.orders', references)).toBe(true);
    expect(isReferenced('common.itemsLeft', references)).toBe(false);
    expect(isReferenced('time.dates', references)).toBe(false);
    expect(isReferenced('orders.title', references)).toBe(false);
    expect(isReferenced('common', references)).toBe(false);
  });

  it('splits a language into the first part and the rest, which together are exactly the whole', () => {
    const words: Words = {
      sell: { title: '销售', confirm: '确认', hint: '$t(common.ok)' },
      common: { ok: '好', cancel: '取消' },
      orders: { title: '订单', status: { placed: '已下单', paid: '已付款' } },
    };
    const { first, rest } = splitWords(words, { keys: new Set(['sell.title', 'sell.hint', 'orders.status.placed']), prefixes: new Set() });
    expect(first).toEqual({ sell: { title: '销售', hint: '$t(common.ok)' }, common: { ok: '好' }, orders: { status: { placed: '已下单' } } });
    expect(rest).toEqual({ sell: { confirm: '确认' }, common: { cancel: '取消' }, orders: { title: '订单', status: { paid: '已付款' } } });
  });

  it("keeps every one of the app's words in exactly one part", () => {
    const references = { keys: new Set(['sell.search', 'nav']), prefixes: new Set(['errors.']) };
    const { first, rest } = splitWords(zhCN as Words, references);
    const flat = (words: Words, prefix = ''): string[] =>
      Object.entries(words).flatMap(([name, value]) => (typeof value === 'string' ? [prefix + name] : flat(value, `${prefix}${name}.`)));
    const all = flat(zhCN as Words);
    const firstKeys = flat(first);
    const restKeys = flat(rest);
    expect([...firstKeys, ...restKeys].sort()).toEqual([...all].sort());
    expect(firstKeys.filter((key) => restKeys.includes(key))).toEqual([]);
    expect(firstKeys).toContain('sell.search');
    expect(firstKeys.some((key) => key.startsWith('errors.'))).toBe(true);
    expect(restKeys).toContain('sell.confirm');
  });
});
