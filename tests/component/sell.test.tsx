import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { receiveStock } from '../../src/client/data/commands';
import { db } from '../../src/client/data/db';
import { setLanguage } from '../../src/client/i18n';
import ug from '../../src/client/i18n/locales/ug.json';
import { enrolledTablet, freshTabletEach, renderApp, stockedProduct, watchDrawing } from './support';

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
    // The receipt is the sale's last step: Sell stays lit, not More.
    expect(screen.getByTestId('nav-sell').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-more').getAttribute('aria-current')).toBeNull();
    const saleId = receipt.dataset['saleId']!;

    // The next sale starts with an empty cart.
    fireEvent.click(screen.getByTestId('new-sale'));
    expect(await screen.findByText('Tap a product above to add it')).toBeTruthy();
    expect(screen.queryAllByTestId('cart-line')).toHaveLength(0);

    await router.navigate({ to: '/sales' });
    await waitFor(() => expect(screen.getAllByTestId('sale-row')).toHaveLength(1));
    expect(screen.getByTestId('sales-count').textContent).toBe('1');
    expect(screen.getByTestId('sales-sum').textContent).toBe('¥71.00');
    // The same receipt opened from the day's sales is More's.
    await router.navigate({ to: '/sales/$saleId', params: { saleId } });
    await screen.findByTestId('receipt');
    await waitFor(() => expect(screen.getByTestId('nav-more').getAttribute('aria-current')).toBe('page'));
    expect(screen.getByTestId('nav-sell').getAttribute('aria-current')).toBeNull();

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
    await waitFor(() => expect(within(oilLine()).getByTestId<HTMLInputElement>('cart-qty').value).toBe('3'));
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
    await waitFor(() => expect(within(oilLine()).getByTestId<HTMLInputElement>('cart-qty').value).toBe('4'));
    expect(screen.getByTestId('cart-total').textContent).toBe('¥112.00');
    expect(screen.queryByTestId('cart-cleared')).toBeNull();

    // Cleared, then a new item: the old cart is gone for good.
    fireEvent.click(screen.getByTestId('clear-cart'));
    await screen.findByTestId('undo-clear');
    fireEvent.click(tile('RICE-5'));
    await waitFor(() => expect(screen.getAllByTestId('cart-line').map((l) => l.dataset['sku'])).toEqual(['RICE-5']));
    expect(screen.queryByTestId('undo-clear')).toBeNull();
  });

  it('back on the sell screen its tiles are there at once, and show stock received meanwhile', async () => {
    const centre = await readyCounter();
    const { router } = renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });
    await router.navigate({ to: '/more' });
    await screen.findByTestId('more-list');
    // Kept drawn for the way back, but off view.
    expect(screen.getByTestId('kept-sell').classList.contains('kept-screen-hidden')).toBe(true);
    // Stock moves while the sell screen is closed: the tile shows the new level when it comes back.
    const oil = (await db.products.toArray()).find((p) => p.sku === 'OIL-1')!;
    await receiveStock({ productId: oil.id, qty: 4, note: '' }, centre.ctx);
    const watch = watchDrawing('product-tile');
    fireEvent.click(screen.getByTestId('nav-sell'));
    await screen.findAllByTestId('product-tile');
    await waitFor(() => expect(screen.getByTestId('kept-sell').classList.contains('kept-screen-shown')).toBe(true));
    const drawn = watch.stop();
    expect(drawn[0]).toBe('shown');
    expect(drawn).not.toContain('loading');
    await waitFor(() => expect(tile('OIL-1').textContent).toContain('7'));
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

  it('a quantity is typed: whole pieces, full-width digits, decimals for what is weighed, and a mistake is said and undone', async () => {
    const centre = await readyCounter();
    await stockedProduct(centre, {
      sku: 'RICE-LOOSE', en: 'Loose rice', zh: '散装大米', priceFen: 399, qty: 50,
      more: { unit: '公斤', unitNames: { 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' }, soldBy: 'weight' },
    });
    renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });
    const line = (sku: string) => screen.getAllByTestId('cart-line').find((el) => el.dataset['sku'] === sku)!;
    const qty = (sku: string) => within(line(sku)).getByTestId<HTMLInputElement>('cart-qty');

    fireEvent.click(tile('OIL-1'));
    fireEvent.click(tile('RICE-LOOSE'));
    await waitFor(() => expect(screen.getAllByTestId('cart-line')).toHaveLength(2));
    // Full-width ２ from a Chinese keyboard counts as 2.
    fireEvent.input(qty('OIL-1'), { target: { value: '２' } });
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥59.99'));
    // 2.345 kg at ¥3.99 is ¥9.36 (rounded to the fen).
    fireEvent.input(qty('RICE-LOOSE'), { target: { value: '2.345' } });
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥65.36'));
    expect(within(line('RICE-LOOSE')).getByText('¥9.36')).toBeTruthy();
    expect(line('RICE-LOOSE').textContent).toContain('/ kg');

    // Half a bottle is no quantity: the line says so and keeps its last good number.
    fireEvent.input(qty('OIL-1'), { target: { value: '1.5' } });
    expect((await within(line('OIL-1')).findByTestId('qty-error')).textContent).toBe('Enter a whole number');
    expect(screen.getByTestId('cart-total').textContent).toBe('¥65.36');
    // Leaving the field (preact/compat listens for focusout) shows the last good quantity.
    fireEvent.focusOut(qty('OIL-1'));
    await waitFor(() => expect(qty('OIL-1').value).toBe('2'));
    // Four decimals of a kilo is more than the scale shows.
    fireEvent.input(qty('RICE-LOOSE'), { target: { value: '1.2345' } });
    expect((await within(line('RICE-LOOSE')).findByTestId('qty-error')).textContent).toBe('Enter a weight with up to three decimals, like 1.25');
    fireEvent.focusOut(qty('RICE-LOOSE'));

    // + adds a whole kilo to the weight, exactly.
    fireEvent.click(within(line('RICE-LOOSE')).getByTestId('qty-plus'));
    await waitFor(() => expect(qty('RICE-LOOSE').value).toBe('3.345'));

    fireEvent.click(await screen.findByTestId('tender-exact'));
    await waitFor(() => expect(screen.getByTestId('confirm-sale')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByTestId('confirm-sale'));
    await waitFor(async () => expect(await centre.ctx.db.sales.count()).toBe(1));
    const [sale] = await centre.ctx.db.sales.toArray();
    const rice = sale!.lines.find((l) => l.qty === 3.345)!;
    expect(rice).toMatchObject({ unitPriceFen: 399, lineTotalFen: 1335, unitNames: { 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' } });
    const riceLevel = await centre.ctx.db.stockLevels.get(rice.productId);
    expect(riceLevel?.level).toBe(46.655);
  });

  it('pinned products are quick keys above the grid, and category chips narrow the grid', async () => {
    const centre = await enrolledTablet();
    await stockedProduct(centre, { sku: 'WATER', en: 'Mineral water', zh: '矿泉水', priceFen: 200, qty: 24, more: { category: 'drinks', pinned: true, unit: '瓶' } });
    await stockedProduct(centre, { sku: 'COLA', en: 'Cola', zh: '可乐', priceFen: 300, qty: 24, more: { category: 'drinks' } });
    await stockedProduct(centre, { sku: 'SEEDS', en: 'Sunflower seeds', zh: '瓜子', priceFen: 800, qty: 5, more: { category: 'snacks' } });
    await stockedProduct(centre, { sku: 'SOAP', en: 'Soap', zh: '肥皂', priceFen: 450, qty: 5 });
    await login(centre.staff.id, centre.pin);
    renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });

    const keys = await screen.findAllByTestId('quick-key');
    expect(keys.map((k) => k.dataset['sku'])).toEqual(['WATER']);
    expect(keys[0]!.textContent).toContain('Add Mineral water');
    expect(keys[0]!.textContent).toContain('/ bottle');
    fireEvent.click(keys[0]!);
    fireEvent.click(keys[0]!);
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥4.00'));

    // Only categories something is filed under, after "All".
    const chips = screen.getAllByTestId('category-chip');
    expect(chips.map((c) => c.textContent)).toEqual(['All', 'Drinks', 'Snacks']);
    expect(chips[0]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(chips[1]!);
    await waitFor(() => expect(screen.getAllByTestId('product-tile').map((t) => t.dataset['sku']).sort()).toEqual(['COLA', 'WATER']));
    expect(screen.getAllByTestId('category-chip')[1]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getAllByTestId('category-chip')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('product-tile')).toHaveLength(4));

    // Searching hides the quick keys: the grid answers the search.
    fireEvent.input(screen.getByTestId('product-search'), { target: { value: 'kqs' } });
    await waitFor(() => expect(screen.getAllByTestId('product-tile').map((t) => t.dataset['sku'])).toEqual(['WATER']));
    expect(screen.queryByTestId('quick-keys')).toBeNull();
  });

  it('units and categories are shown in the tablet\'s language: Uyghur and Chinese, from older rows too', async () => {
    const centre = await enrolledTablet();
    // An older row: only a Chinese unit, no names for it.
    await stockedProduct(centre, { sku: 'EGGS', en: 'Eggs', zh: '鸡蛋', priceFen: 600, qty: 30, more: { unit: '斤', category: 'produce', soldBy: 'weight' } });
    await login(centre.staff.id, centre.pin);
    await setLanguage('ug');
    renderApp('/');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });
    expect(tile('EGGS').textContent).toContain('/ جىڭ');
    expect(screen.getAllByTestId('category-chip').map((c) => c.textContent)).toEqual(['ھەممىسى', 'يېزا ئىگىلىك مەھسۇلاتلىرى']);
    fireEvent.click(tile('EGGS'));
    const line = await screen.findByTestId('cart-line');
    expect(line.textContent).toContain('/ جىڭ');
    expect(within(line).getByTestId('cart-qty').getAttribute('aria-label')).toBe('鸡蛋 نىڭ مىقدارى (جىڭ)');

    await setLanguage('zh-CN');
    await waitFor(() => expect(tile('EGGS').textContent).toContain('/ 斤'));
    expect(screen.getAllByTestId('category-chip').map((c) => c.textContent)).toEqual(['全部', '农副产品']);
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
