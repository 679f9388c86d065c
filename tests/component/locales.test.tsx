import { describe, expect, it } from 'vitest';
import en from '../../src/client/i18n/locales/en.json';
import ug from '../../src/client/i18n/locales/ug.json';
import zhCN from '../../src/client/i18n/locales/zh-CN.json';
import { AppErrorCode } from '../../src/client/data/errors';
import { RefusalCode } from '../../src/shared/domain/refusals';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Plural forms differ by language (Chinese has one): compare keys without them.
const base = (key: string) => key.replace(/_(one|other)$/, '');
const locales = { 'zh-CN': flatten(zhCN), en: flatten(en), ug: flatten(ug) };

describe('locales', () => {
  it('every language has every key, and none is empty', () => {
    const keys = new Set([...locales['zh-CN'].keys()].map(base));
    for (const [lang, messages] of Object.entries(locales)) {
      expect([...new Set([...messages.keys()].map(base))].sort(), lang).toEqual([...keys].sort());
      for (const [key, text] of messages) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('every error and refusal code a person can meet is translated', () => {
    for (const messages of Object.values(locales)) {
      for (const code of Object.values(AppErrorCode)) expect(messages.has(`errors.${code}`), code).toBe(true);
      for (const code of Object.values(RefusalCode)) expect(messages.has(`refusal.${code}`), code).toBe(true);
    }
  });
});
