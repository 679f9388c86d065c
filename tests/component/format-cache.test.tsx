import { act, render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../src/client/i18n';
import { useFormat, type Formatters } from '../../src/client/ui/format';

describe('formatters', () => {
  it('are made once per language and shared by every row, and follow a change of language', async () => {
    await initI18n();
    await setLanguage('zh-CN');
    const seen: Formatters[] = [];
    function Row() {
      seen.push(useFormat());
      return null;
    }
    render(
      <>
        <Row />
        <Row />
      </>,
    );
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]!.money(12_345)).toContain('123.45');

    await act(() => setLanguage('en'));
    const english = seen.at(-1)!;
    expect(english.lang).toBe('en');
    expect(english).not.toBe(seen[0]);
    expect(seen.slice(2).every((f) => f === english)).toBe(true);
    await act(() => setLanguage('zh-CN'));
    expect(seen.at(-1)).toBe(seen[0]);
  });
});
