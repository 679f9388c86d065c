import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { adjustStock, completeSale } from '../../src/client/data/commands';
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

  it('a write-off larger than the stock is asked about, and the alert then says it was a write-off', async () => {
    const centre = await enrolledTablet();
    const eggs = await stockedProduct(centre, { sku: 'EGGS', en: 'Eggs', zh: '鸡蛋', priceFen: 100, qty: 2 });
    await login(centre.staff.id, centre.pin);
    renderApp(`/stock/${eggs.id}`);

    fireEvent.click(await screen.findByTestId('open-adjust', {}, { timeout: 5000 }));
    fireEvent.click(screen.getByTestId('adjust-reason-damage'));
    fireEvent.input(screen.getByTestId('adjust-qty'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('adjust-save'));
    const ask = await screen.findByTestId('adjust-over');
    expect(ask.querySelector('p')?.textContent).toBe('This writes off 5 bag, but only 2 are in stock. Write off anyway?');
    // Nothing is saved until the person says so; "cancel" goes back to the form.
    expect(screen.getByTestId('detail-level').textContent).toBe('2');
    fireEvent.click(screen.getByTestId('adjust-over-cancel'));
    expect(screen.queryByTestId('adjust-over')).toBeNull();
    fireEvent.click(screen.getByTestId('adjust-save'));
    fireEvent.click(await screen.findByTestId('adjust-over-confirm'));
    await waitFor(() => expect(screen.getByTestId('detail-level').textContent).toBe('-3'));

    const alert = await screen.findByTestId('oversold-alert', {}, { timeout: 5000 });
    expect(within(alert).getByTestId('oversold-alert-toggle').textContent).toBe('1 product below zero');
    expect(within(alert).getByTestId('oversold-written-off').textContent).toBe(
      'Eggs (-3) More was written off than was in stock: count the shelf and record a stock count adjustment.',
    );
    expect(within(alert).queryByTestId('oversold-sold')).toBeNull();
  });

  it('a write-off within the stock saves at once', async () => {
    const centre = await enrolledTablet();
    const eggs = await stockedProduct(centre, { sku: 'EGGS', en: 'Eggs', zh: '鸡蛋', priceFen: 100, qty: 6 });
    await login(centre.staff.id, centre.pin);
    renderApp(`/stock/${eggs.id}`);
    fireEvent.click(await screen.findByTestId('open-adjust', {}, { timeout: 5000 }));
    fireEvent.click(screen.getByTestId('adjust-reason-spoil'));
    fireEvent.input(screen.getByTestId('adjust-qty'), { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('adjust-save'));
    await waitFor(() => expect(screen.getByTestId('detail-level').textContent).toBe('0'));
    expect(screen.queryByTestId('adjust-over')).toBeNull();
  });

  it('stock sold below zero still says it was sold, even after a later write-off', async () => {
    const centre = await enrolledTablet();
    const eggs = await stockedProduct(centre, { sku: 'EGGS', en: 'Eggs', zh: '鸡蛋', priceFen: 100, qty: 1 });
    await login(centre.staff.id, centre.pin);
    await completeSale({ lines: [{ productId: eggs.id, qty: 2 }], tenderedFen: 200 });
    await adjustStock({ productId: eggs.id, delta: -1, reason: 'damage', note: '' });
    renderApp('/stock');
    const alert = await screen.findByTestId('oversold-alert', {}, { timeout: 5000 });
    expect(within(alert).getByTestId('oversold-alert-toggle').textContent).toBe('1 product oversold');
    await waitFor(() => expect(within(alert).getByTestId('oversold-sold').textContent).toMatch(/^Eggs \(-2\) More was sold than the stock showed/));
    expect(within(alert).queryByTestId('oversold-written-off')).toBeNull();
  });
});
