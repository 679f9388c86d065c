import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { setLanguage } from '../../src/client/i18n';
import { enrolledTablet, freshTabletEach, renderApp, stockedProduct } from './support';

function type(testId: string, value: string) {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

/** A real 'change' (the library's fireEvent.change sends 'input', as preact/compat inputs expect). */
function choose(testId: string, value: string) {
  const select = screen.getByTestId<HTMLSelectElement>(testId);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('product form', () => {
  freshTabletEach('en');

  it('rejects a bad price and a taken SKU with translated messages, then saves the price in fen', async () => {
    const centre = await enrolledTablet();
    await stockedProduct(centre, { sku: 'SALT', en: 'Salt', zh: '盐', priceFen: 250, qty: 0 });
    await login(centre.staff.id, centre.pin);
    renderApp('/products/new');

    await screen.findByTestId('product-form', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('product-save')).toHaveProperty('disabled', false));
    type('product-nameZh', '酱油');
    type('product-nameEn', 'Soy sauce');
    type('product-sku', 'salt');
    choose('product-unit', 'bottle');
    type('product-price', '12.345');
    fireEvent.click(screen.getByTestId('product-save'));

    expect(await screen.findByText('Enter a price like 12 or 12.50 (at most two decimals)')).toBeTruthy();
    expect(screen.getByText('Another product already has this SKU')).toBeTruthy();

    type('product-sku', 'SOY-500');
    type('product-price', '12.5');
    fireEvent.click(screen.getByTestId('product-save'));

    const row = await waitFor(() => {
      const found = screen.getAllByTestId('product-row').find((el) => el.dataset['sku'] === 'SOY-500');
      if (!found) throw new Error('not listed yet');
      return found;
    }, { timeout: 5000 });
    expect(row.textContent).toContain('¥12.50');
    expect(row.textContent).toContain('Soy sauce');
    const saved = await centre.ctx.db.products.where('sku').equals('SOY-500').first();
    expect(saved?.priceFen).toBe(1250);
  });

  it('in Chinese the price message is Chinese', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    await setLanguage('zh-CN');
    renderApp('/products/new');
    await screen.findByTestId('product-form', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('product-save')).toHaveProperty('disabled', false));
    type('product-price', '1.2.3');
    fireEvent.click(screen.getByTestId('product-save'));
    expect(await screen.findByText('请输入价格，例如 12 或 12.50（最多两位小数）')).toBeTruthy();
  });

  it('a name holding a hidden NUL is refused under its field, in words, and nothing is saved', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    renderApp('/products/new');
    await screen.findByTestId('product-form', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('product-save')).toHaveProperty('disabled', false));
    type('product-nameEn', 'Rice\u0000 5kg');
    type('product-sku', 'RICE-5');
    choose('product-unit', 'bag');
    type('product-price', '35');
    fireEvent.click(screen.getByTestId('product-save'));

    const message = await screen.findByText('This text holds a hidden character that cannot be saved: delete it and type it again');
    expect(message.closest('label')?.querySelector('input')?.name).toBe('nameEn');
    expect(screen.getByTestId('product-nameEn').getAttribute('aria-invalid')).toBe('true');
    expect(await centre.ctx.db.products.count()).toBe(0);
    expect(await centre.ctx.db.outbox.count()).toBe(0);

    // Retyped, it saves.
    type('product-nameEn', 'Rice 5kg');
    fireEvent.click(screen.getByTestId('product-save'));
    await waitFor(async () => expect(await centre.ctx.db.products.where('sku').equals('RICE-5').count()).toBe(1));
  });

  it('a new product left without a SKU gets one, and its opening stock is recorded as goods received', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    renderApp('/products/new');
    await screen.findByTestId('product-form', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('product-save')).toHaveProperty('disabled', false));
    expect(screen.getByText('Leave empty to have one made')).toBeTruthy();
    type('product-nameEn', 'Green tea');
    choose('product-unit', 'box');
    type('product-price', '18');
    type('product-openingStock', 'many');
    fireEvent.click(screen.getByTestId('product-save'));
    expect(await screen.findByText('Enter 0 or a whole number')).toBeTruthy();

    type('product-openingStock', '24');
    fireEvent.click(screen.getByTestId('product-save'));
    const row = await waitFor(() => {
      const found = screen.getAllByTestId('product-row').find((el) => el.textContent?.includes('Green tea'));
      if (!found) throw new Error('not listed yet');
      return found;
    }, { timeout: 5000 });
    expect(row.dataset['sku']).toMatch(/^P-\d{6}-[0-9A-Z]{4}$/);
    const saved = await centre.ctx.db.products.where('sku').equals(row.dataset['sku']!).first();
    const movements = await centre.ctx.db.movements.where('productId').equals(saved!.id).toArray();
    expect(movements.map((m) => [m.reason, m.delta])).toEqual([['receive', 24]]);
    expect((await centre.ctx.db.stockLevels.get(saved!.id))?.level).toBe(24);
    // Both changes wait to be sent, the product first.
    const queued = (await centre.ctx.db.outbox.toArray()).map((m) => m.kind);
    expect(queued.slice(-2)).toEqual(['product.create', 'stock.receive']);
  });

  it('a product sold by weight takes its unit from the list, its category and quick key, and opening stock with decimals', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    renderApp('/products/new');
    await screen.findByTestId('product-form', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('product-save')).toHaveProperty('disabled', false));
    type('product-nameZh', '散装大米');
    type('product-nameEn', 'Loose rice');
    type('product-price', '4.6');
    fireEvent.click(screen.getByTestId('product-save'));
    expect(await screen.findByText('Choose or type a unit')).toBeTruthy();

    // 公斤 is weighed: choosing it says so.
    choose('product-unit', 'kg');
    await waitFor(() => expect(screen.getByTestId('product-sold-by-weight').getAttribute('aria-checked')).toBe('true'));
    choose('product-category', 'grainOil');
    fireEvent.click(screen.getByTestId('product-pinned'));
    // Full-width digits, as a Chinese keyboard types them.
    type('product-openingStock', '２５．５');
    fireEvent.click(screen.getByTestId('product-save'));
    await waitFor(async () => expect(await centre.ctx.db.products.count()).toBe(1), { timeout: 5000 });
    const saved = (await centre.ctx.db.products.toArray())[0]!;
    expect(saved).toMatchObject({
      unit: '公斤', unitNames: { 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' }, soldBy: 'weight', category: 'grainOil', pinned: true, priceFen: 460,
    });
    await waitFor(async () => expect((await centre.ctx.db.stockLevels.get(saved.id))?.level).toBe(25.5));
  });

  it('a unit not on the list is typed in each language, and the edit sends only what changed', async () => {
    const centre = await enrolledTablet();
    const salt = await stockedProduct(centre, { sku: 'SALT', en: 'Salt', zh: '盐', priceFen: 250, qty: 4 });
    await login(centre.staff.id, centre.pin);
    renderApp(`/products/${salt.id}`);
    await screen.findByTestId('product-form', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('product-save')).toHaveProperty('disabled', false));
    choose('product-unit', 'other');
    await screen.findByTestId('product-unitZh');
    type('product-unitZh', '串');
    type('product-unitEn', 'string');
    type('product-unitUg', 'تىزما');
    fireEvent.click(screen.getByTestId('product-save'));
    await waitFor(async () => expect((await centre.ctx.db.products.get(salt.id))?.unit).toBe('串'), { timeout: 5000 });
    expect((await centre.ctx.db.products.get(salt.id))?.unitNames).toEqual({ 'zh-CN': '串', en: 'string', ug: 'تىزما' });
    const sent = (await centre.ctx.db.outbox.toArray()).filter((m) => m.kind === 'product.update').map((m) => m.args);
    expect(sent).toEqual([{ id: salt.id, patch: { unit: '串', unitNames: { 'zh-CN': '串', en: 'string', ug: 'تىزما' } } }]);
  });

  it('editing a product offers no opening stock', async () => {
    const centre = await enrolledTablet();
    const salt = await stockedProduct(centre, { sku: 'SALT', en: 'Salt', zh: '盐', priceFen: 250, qty: 4 });
    await login(centre.staff.id, centre.pin);
    renderApp(`/products/${salt.id}`);
    await screen.findByTestId('product-form', {}, { timeout: 5000 });
    expect(screen.queryByTestId('product-openingStock')).toBeNull();
  });
});
