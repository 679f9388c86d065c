import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import { setMeta } from '../../src/client/data/meta';
import { setLanguage } from '../../src/client/i18n';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

const MINUTE = 60_000;

function clockOff(offsetMs: number) {
  return setMeta(db, 'clock', { offsetMs, readAt: new Date().toISOString() });
}

describe('clock warning', () => {
  freshTabletEach('en');

  it("a tablet 10 minutes behind the server is asked to set its date and time, seeing the server's", async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    await clockOff(10 * MINUTE);
    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    const before = shown.format(Date.now() + 10 * MINUTE);
    renderApp('/');

    const warning = await screen.findByTestId('clock-warning', {}, { timeout: 5000 });
    const after = shown.format(Date.now() + 10 * MINUTE);
    expect(warning.textContent).toContain('Check the date and time');
    // The minute may turn while the screen renders.
    expect([before, after].map((time) => `This tablet’s clock looks wrong: the server’s time is ${time}.`).some((text) => warning.textContent!.includes(text))).toBe(true);
  });

  it('a tablet 1 minute off shows nothing', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    await clockOff(-10 * MINUTE);
    renderApp('/');
    // Shown first, so the reading is known to be live when it goes back to one minute.
    await screen.findByTestId('clock-warning', {}, { timeout: 5000 });

    await clockOff(MINUTE);

    await waitFor(() => expect(screen.queryByTestId('clock-warning')).toBeNull());
    expect(screen.getByTestId('online-state')).toBeTruthy();
  });

  it('speaks Uyghur in Uyghur', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    await setLanguage('ug');
    await clockOff(-3 * 60 * MINUTE);
    renderApp('/');
    const warning = await screen.findByTestId('clock-warning', {}, { timeout: 5000 });
    expect(warning.textContent).toContain('چېسلا ۋە ۋاقىتنى تەكشۈرۈڭ');
  });
});
