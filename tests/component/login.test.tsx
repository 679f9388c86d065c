import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { watchSessionStaff } from '../../src/client/auth/watch-session-staff';
import { db } from '../../src/client/data/db';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

describe('login', () => {
  freshTabletEach('en');

  it('says the PIN is wrong and lets the right one in', async () => {
    const centre = await enrolledTablet();
    renderApp('/');

    fireEvent.click(await screen.findByRole('button', { name: /Li Mei/ }));
    for (const digit of '1111') fireEvent.click(screen.getByTestId(`pin-key-${digit}`));
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Wrong PIN, please try again');

    // The keyboard works as well as the on-screen digits.
    fireEvent.input(screen.getByTestId('pin-input'), { target: { value: centre.pin } });
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect(await screen.findByTestId('current-staff')).toHaveProperty('textContent', 'Li Mei');
    expect(screen.getByTestId('centre-name').textContent).toBe('Hongxing Village Centre');
  });

  it('a person whose account a sync deactivates is signed out, and the login screen says why', async () => {
    const centre = await enrolledTablet();
    const stop = watchSessionStaff(db);
    try {
      renderApp('/');
      fireEvent.click(await screen.findByRole('button', { name: /Li Mei/ }));
      fireEvent.input(screen.getByTestId('pin-input'), { target: { value: centre.pin } });
      fireEvent.click(screen.getByTestId('pin-submit'));
      await screen.findByTestId('current-staff');

      const staff = (await db.staff.toArray()).find((s) => s.name === 'Li Mei')!;
      await db.staff.put({ ...staff, active: false }); // as a pull writes it
      expect((await screen.findByTestId('logout-reason')).textContent).toMatch(/deactivated/);
      expect(screen.queryByRole('button', { name: /Li Mei/ })).toBeNull();
    } finally {
      stop();
    }
  });
});
