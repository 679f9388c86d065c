import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
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
});
