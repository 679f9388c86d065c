import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/client/features/county/locales/en.json';
import ug from '../../src/client/features/county/locales/ug.json';
import zhCN from '../../src/client/features/county/locales/zh-CN.json';

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
const FEATURE = join(import.meta.dirname, '../../src/client/features/county');

describe('county area locales', () => {
  it('every language has every key, and none is empty', () => {
    const keys = new Set([...locales['zh-CN'].keys()].map(base));
    for (const [lang, messages] of Object.entries(locales)) {
      expect([...new Set([...messages.keys()].map(base))].sort(), lang).toEqual([...keys].sort());
      for (const [key, text] of messages) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('every key the screens name literally exists, and every error code the API client knows is translated', () => {
    const keys = new Set([...locales.en.keys()].map(base));
    for (const file of readdirSync(FEATURE).filter((f) => f.endsWith('.tsx'))) {
      const source = readFileSync(join(FEATURE, file), 'utf8');
      for (const [, key] of source.matchAll(/\bt\('([a-zA-Z_.-]+)'/g)) expect(keys.has(key!), `${file}: ${key}`).toBe(true);
    }
    const api = readFileSync(join(FEATURE, 'api.ts'), 'utf8');
    const known = /const KNOWN = new Set\(\[([^\]]*)\]/.exec(api)![1]!.match(/'([a-z_]+)'/g)!.map((q) => q.slice(1, -1));
    for (const code of [...known, 'unknown', 'rate_limited_wait']) expect(keys.has(`errors.${code}`), code).toBe(true);
  });
});
