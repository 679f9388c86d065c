import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { enrolledTablet, freshTabletEach, renderApp, stockedProduct } from './support';

async function readyCounter() {
  const centre = await enrolledTablet();
  await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 10 });
  await stockedProduct(centre, { sku: 'OIL-1', en: 'Peanut oil', zh: '花生油', priceFen: 2800, qty: 3 });
  await login(centre.staff.id, centre.pin);
  return centre;
}

function tile(sku: string): HTMLElement {
  const found = screen.getAllByTestId('product-tile').find((el) => el.dataset['sku'] === sku);
  if (!found) throw new Error(`no tile for ${sku}`);
  return found;
}

describe('counter sale', () => {
  freshTabletEach('en');

  it('adds products, totals them, refuses too little cash and gives change', async () => {
    await readyCounter();
    renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });

    fireEvent.click(tile('RICE-5'));
    fireEvent.click(tile('RICE-5'));
    fireEvent.click(tile('OIL-1'));
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥99.00'));
    expect(screen.getAllByTestId('cart-line')).toHaveLength(2);

    // − on the oil line removes it; the total follows.
    const oilLine = screen.getAllByTestId('cart-line').find((el) => el.dataset['sku'] === 'OIL-1')!;
    fireEvent.click(within(oilLine).getByTestId('qty-minus'));
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥71.00'));

    fireEvent.input(await screen.findByTestId('tender-input'), { target: { value: '50' } });
    expect((await screen.findByTestId('tender-error')).textContent).toBe('Not enough cash: ¥21.00 short');
    expect(screen.getByTestId('confirm-sale')).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByTestId('tender-100'));
    expect((await screen.findByTestId('change-due')).textContent).toBe('Change: ¥29.00');
    expect(screen.getByTestId('confirm-sale')).toHaveProperty('disabled', false);

    fireEvent.input(screen.getByTestId('tender-input'), { target: { value: 'abc' } });
    expect((await screen.findByTestId('tender-error')).textContent).toBe('Enter an amount, like 20 or 20.50');
    expect(screen.getByTestId('confirm-sale')).toHaveProperty('disabled', true);
  });

  it('a confirmed sale shows its receipt once, then appears in the sales list and in stock', async () => {
    await readyCounter();
    const { router } = renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });

    fireEvent.click(tile('RICE-5'));
    fireEvent.click(tile('RICE-5'));
    fireEvent.click(await screen.findByTestId('tender-exact'));
    const confirm = screen.getByTestId('confirm-sale');
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false));
    // A double tap must not sell twice.
    fireEvent.click(confirm);
    fireEvent.click(confirm);

    const receipt = await screen.findByTestId('receipt', {}, { timeout: 3000 });
    expect(within(receipt).getByTestId('receipt-total').textContent).toBe('¥71.00');
    expect(within(receipt).getByTestId('receipt-change').textContent).toBe('¥0.00');
    expect(within(receipt).getAllByTestId('receipt-line')).toHaveLength(1);
    expect(await within(receipt).findByText('Served by Li Mei')).toBeTruthy();

    // The next sale starts with an empty cart.
    fireEvent.click(screen.getByTestId('new-sale'));
    expect(await screen.findByText('Tap a product above to add it')).toBeTruthy();
    expect(screen.queryAllByTestId('cart-line')).toHaveLength(0);

    await router.navigate({ to: '/sales' });
    await waitFor(() => expect(screen.getAllByTestId('sale-row')).toHaveLength(1));
    expect(screen.getByTestId('sales-count').textContent).toBe('1');
    expect(screen.getByTestId('sales-sum').textContent).toBe('¥71.00');

    await router.navigate({ to: '/stock' });
    const rice = await waitFor(() => {
      const row = screen.getAllByTestId('stock-row').find((el) => el.dataset['sku'] === 'RICE-5');
      if (!row) throw new Error('rice not listed yet');
      return row;
    });
    expect(within(rice).getByTestId('stock-level').textContent).toMatch(/^8\b/);
    // The sale is waiting to be sent, and the top bar says so.
    expect(screen.getByTestId('pending-count').textContent).toMatch(/changes waiting/);
  });
});
