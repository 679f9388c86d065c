import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { initI18n } from '../../src/client/i18n';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

describe('language switch', () => {
  freshTabletEach('zh-CN');

  it('Uyghur mirrors the page right-to-left, and the choice is remembered', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    renderApp('/settings');

    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
    fireEvent.click(await screen.findByTestId('language-ug'));

    await waitFor(() => expect(document.documentElement.getAttribute('dir')).toBe('rtl'));
    expect(document.documentElement.getAttribute('lang')).toBe('ug');
    expect(await screen.findByRole('heading', { name: 'تەڭشەك' })).toBeTruthy();
    expect(screen.getByTestId('nav-sell').textContent).toContain('سېتىش');

    // A restart applies the remembered language.
    document.documentElement.setAttribute('dir', 'ltr');
    await initI18n();
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');

    fireEvent.click(screen.getByTestId('language-en'));
    await waitFor(() => expect(document.documentElement.getAttribute('dir')).toBe('ltr'));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
  });
});
