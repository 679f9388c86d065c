import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { setLanguage } from '../../src/client/i18n';
import ug from '../../src/client/i18n/locales/ug.json';
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

  it('empties the search after an item is added, warns past known stock without blocking, and a cleared cart can come back', async () => {
    await readyCounter();
    renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });

    const search = screen.getByTestId('product-search') as HTMLInputElement;
    fireEvent.input(search, { target: { value: 'oil' } });
    await waitFor(() => expect(screen.getAllByTestId('product-tile').map((t) => t.dataset['sku'])).toEqual(['OIL-1']));
    fireEvent.click(tile('OIL-1'));
    // Ready for the next item: the box is empty and every product shows again.
    await waitFor(() => expect(screen.getAllByTestId('product-tile')).toHaveLength(2));
    expect(search.value).toBe('');

    // Three peanut oils are known to be in stock: a fourth is warned about, and can still be sold.
    const oilLine = () => screen.getAllByTestId('cart-line').find((el) => el.dataset['sku'] === 'OIL-1')!;
    for (let i = 0; i < 2; i++) fireEvent.click(within(oilLine()).getByTestId('qty-plus'));
    await waitFor(() => expect(within(oilLine()).getByTestId('cart-qty').textContent).toBe('3'));
    expect(screen.queryByTestId('stock-warning')).toBeNull();
    fireEvent.click(within(oilLine()).getByTestId('qty-plus'));
    expect((await screen.findByTestId('stock-warning')).textContent).toBe('Only 3 in stock');
    fireEvent.click(await screen.findByTestId('tender-exact'));
    await waitFor(() => expect(screen.getByTestId('confirm-sale')).toHaveProperty('disabled', false));

    // Clearing by mistake costs one tap.
    fireEvent.click(screen.getByTestId('clear-cart'));
    await waitFor(() => expect(screen.queryAllByTestId('cart-line')).toHaveLength(0));
    expect(screen.getByTestId('cart-total').textContent).toBe('¥0.00');
    fireEvent.click(await screen.findByTestId('undo-clear'));
    await waitFor(() => expect(within(oilLine()).getByTestId('cart-qty').textContent).toBe('4'));
    expect(screen.getByTestId('cart-total').textContent).toBe('¥112.00');
    expect(screen.queryByTestId('cart-cleared')).toBeNull();

    // Cleared, then a new item: the old cart is gone for good.
    fireEvent.click(screen.getByTestId('clear-cart'));
    await screen.findByTestId('undo-clear');
    fireEvent.click(tile('RICE-5'));
    await waitFor(() => expect(screen.getAllByTestId('cart-line').map((l) => l.dataset['sku'])).toEqual(['RICE-5']));
    expect(screen.queryByTestId('undo-clear')).toBeNull();
  });

  it('names each product tile by what it shows, and gives the screen a heading', async () => {
    await readyCounter();
    renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });
    const rice = tile('RICE-5');
    expect(rice.getAttribute('aria-label')).toBeNull();
    expect(rice.textContent).toContain('Add');
    expect(rice.textContent).toContain('Rice 5 kg');
    expect(rice.textContent).toContain('¥35.50');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sell');
  });

  it('the sales list picks its day in the app\'s language, Uyghur included, never the browser\'s', async () => {
    await readyCounter();
    await setLanguage('ug');
    renderApp('/sales');
    const day = await screen.findByTestId('activity-day', {}, { timeout: 5000 });
    const now = new Date();
    const months = ug.time.date.months as Record<string, string>;
    expect(day.textContent).toContain(months[String(now.getMonth() + 1)]);
    expect(day.textContent).not.toMatch(/[A-Za-z]/);
    expect(document.querySelector('input[type="date"]')).toBeNull();

    // The day before, by the arrow; then back to today.
    fireEvent.click(screen.getByTestId('day-previous'));
    const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
    const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await waitFor(() => expect(screen.getByTestId('sales-day').dataset['day']).toBe(key(yesterday)));
    fireEvent.click(screen.getByTestId('day-next'));
    await waitFor(() => expect(screen.getByTestId('sales-day').dataset['day']).toBe(key(now)));
  });
});
