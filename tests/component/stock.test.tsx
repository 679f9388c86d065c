import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { enrolledTablet, freshTabletEach, renderApp, stockedProduct } from './support';

describe('stock', () => {
  freshTabletEach('en');

  it('receiving goods and a shelf count change the level, and low stock is listed', async () => {
    const centre = await enrolledTablet();
    const rice = await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 3, lowStockThreshold: 5 });
    await stockedProduct(centre, { sku: 'OIL-1', en: 'Peanut oil', zh: '花生油', priceFen: 2800, qty: 40 });
    await login(centre.staff.id, centre.pin);
    const { router } = renderApp('/stock?filter=low');

    await waitFor(() => expect(screen.getAllByTestId('stock-row').map((r) => r.dataset['sku'])).toEqual(['RICE-5']), { timeout: 5000 });
    expect(screen.getByTestId('stock-row').textContent).toContain('Low');

    await router.navigate({ to: '/stock/$productId', params: { productId: rice.id } });
    fireEvent.click(await screen.findByTestId('open-receive'));
    fireEvent.input(screen.getByTestId('receive-qty'), { target: { value: '10' } });
    fireEvent.click(screen.getByTestId('receive-save'));
    await waitFor(() => expect(screen.getByTestId('detail-level').textContent).toBe('13'));

    // A count enters what is on the shelf; the tablet works out the change.
    fireEvent.click(screen.getByTestId('open-adjust'));
    fireEvent.input(screen.getByTestId('adjust-qty'), { target: { value: '11' } });
    expect((await screen.findByTestId('adjust-delta')).textContent).toBe('Stock will go from 13 to 11');
    fireEvent.click(screen.getByTestId('adjust-save'));
    await waitFor(() => expect(screen.getByTestId('detail-level').textContent).toBe('11'));
    await waitFor(() => {
      const history = screen.getByTestId('movements').textContent ?? '';
      expect(history).toContain('Stock count');
      expect(history).toContain('-2');
    });

    // Spoiled goods: the quantity lost.
    fireEvent.click(screen.getByTestId('open-adjust'));
    fireEvent.click(screen.getByTestId('adjust-reason-spoil'));
    fireEvent.input(screen.getByTestId('adjust-qty'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('adjust-save'));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number above 0');
    fireEvent.input(screen.getByTestId('adjust-qty'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('adjust-save'));
    await waitFor(() => expect(screen.getByTestId('detail-level').textContent).toBe('10'));
  });
});
