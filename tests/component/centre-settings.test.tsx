import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import { CENTRE_SETTINGS_ID } from '../../src/shared/domain/centre-settings';
import { setLanguage } from '../../src/client/i18n';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

function type(testId: string, value: string) {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

describe('centre settings', () => {
  freshTabletEach('en');

  it('an admin sets the days after which orders and parcels count as late; a bad number is explained, not saved', async () => {
    const centre = await enrolledTablet('admin');
    await login(centre.staff.id, centre.pin);
    renderApp('/settings');
    await screen.findByTestId('centre-settings', {}, { timeout: 5000 });
    expect((screen.getByTestId('setting-returnAfterDays') as HTMLInputElement).value).toBe('7');

    type('setting-returnAfterDays', '0');
    type('setting-notShippedDays', '１０');
    fireEvent.click(screen.getByTestId('save-centre-settings'));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number of days from 1 to 90.');
    expect(await db.settings.get(CENTRE_SETTINGS_ID)).toBeUndefined();

    type('setting-returnAfterDays', '14');
    fireEvent.click(screen.getByTestId('save-centre-settings'));
    await screen.findByText('Saved. Every tablet of the centre gets it when it syncs.');
    // Full-width digits from a Chinese keyboard count.
    expect(await db.settings.get(CENTRE_SETTINGS_ID)).toMatchObject({ returnAfterDays: 14, notShippedDays: 10, notCollectedDays: 3, historyMonths: 12 });
    expect(await db.outbox.filter((e) => e.kind === 'settings.update').count()).toBe(1);
  });

  it('an admin chooses how many months of closed history the tablets keep, in the chosen language', async () => {
    const centre = await enrolledTablet('admin');
    await login(centre.staff.id, centre.pin);
    await setLanguage('zh-CN');
    renderApp('/settings');
    const choice = await screen.findByTestId('history-months-24', {}, { timeout: 5000 });
    expect(choice.textContent).toBe('24 个月');
    expect(screen.getByTestId('history-months-12').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(choice);
    await waitFor(() => expect(screen.getByTestId('history-months-24').getAttribute('aria-checked')).toBe('true'));
    expect((await db.settings.get(CENTRE_SETTINGS_ID))?.historyMonths).toBe(24);
  });

  it('is not shown to a clerk', async () => {
    const centre = await enrolledTablet('clerk');
    await login(centre.staff.id, centre.pin);
    renderApp('/settings');
    await screen.findByTestId('storage', {}, { timeout: 5000 });
    expect(screen.queryByTestId('centre-settings')).toBeNull();
  });
});
