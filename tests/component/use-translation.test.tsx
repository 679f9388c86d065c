import { render, screen, waitFor } from '@testing-library/preact';
import i18next, { type TFunction } from 'i18next';
import { memo } from 'preact/compat';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/client/i18n';
import { useTranslation } from '../../src/client/i18n/use-translation';
import { freshTabletEach } from './support';

// A part drawn once and kept (memo): it redraws only when the `t` it is given changes.
const Kept = memo(({ t, k }: { t: TFunction; k: string }) => <p data-testid="kept">{t(k)}</p>);

function Words({ k }: { k: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h1 data-testid="own">{t(k)}</h1>
      <Kept t={t} k={k} />
    </div>
  );
}

describe('words in a component', () => {
  freshTabletEach('en');

  it('follow the language chosen, in parts kept between draws too', async () => {
    render(<Words k="nav.sell" />);
    expect(screen.getByTestId('own').textContent).toBe('Sell');
    expect(screen.getByTestId('kept').textContent).toBe('Sell');
    await setLanguage('zh-CN');
    await waitFor(() => expect(screen.getByTestId('kept').textContent).toBe('收银'));
    expect(screen.getByTestId('own').textContent).toBe('收银');
  });

  it('appear once added, without a reload', async () => {
    render(<Words k="later.word" />);
    expect(screen.getByTestId('kept').textContent).not.toBe('Arrived');
    i18next.addResourceBundle('en', 'translation', { later: { word: 'Arrived' } }, true, true);
    await waitFor(() => expect(screen.getByTestId('kept').textContent).toBe('Arrived'));
    expect(screen.getByTestId('own').textContent).toBe('Arrived');
  });
});
