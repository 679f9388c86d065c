import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import { setMeta } from '../../src/client/data/meta';
import { addPerson, enrolledTablet, freshTabletEach, renderApp, stockedProduct } from './support';

function tile(sku: string): HTMLElement {
  const found = screen.getAllByTestId('product-tile').find((el) => el.dataset['sku'] === sku);
  if (!found) throw new Error(`no tile for ${sku}`);
  return found;
}

async function signIn(name: string, pin: string) {
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(name) }));
  fireEvent.input(screen.getByTestId('pin-input'), { target: { value: pin } });
  fireEvent.click(screen.getByTestId('pin-submit'));
  await waitFor(() => expect(screen.getByTestId('current-staff').textContent).toBe(name));
}

describe('a tablet shared by people with different roles', () => {
  freshTabletEach('en');
  afterEach(() => vi.restoreAllMocks());

  it('a clerk sees no staff tab and no product editing; a typed address shows "not allowed"', async () => {
    const centre = await enrolledTablet();
    await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 10 });
    await addPerson(centre, 'Zhang Wei', 'clerk', '5678');
    const { router } = renderApp('/products');
    await signIn('Zhang Wei', '5678');

    expect(await screen.findAllByTestId('product-row')).toHaveLength(1);
    expect(screen.queryByTestId('add-product')).toBeNull();
    expect(screen.getByTestId('product-row').tagName).not.toBe('A');
    expect(screen.queryByTestId('nav-staff')).toBeNull();
    expect(screen.getByTestId('nav-sell')).toBeTruthy();
    fireEvent.click(screen.getByTestId('nav-more'));
    await screen.findByTestId('nav-stock');
    expect(screen.queryByTestId('nav-staff')).toBeNull();

    await router.navigate({ to: '/staff' });
    expect((await screen.findByTestId('not-allowed')).textContent).toContain('Your role cannot open this screen');
    const product = (await db.products.toArray())[0]!;
    await router.navigate({ to: '/products/$productId', params: { productId: product.id } });
    await screen.findByTestId('not-allowed');
  });

  it('an admin sees staff under More and the product buttons', async () => {
    const centre = await enrolledTablet();
    await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 10 });
    await login(centre.staff.id, centre.pin);
    renderApp('/products');
    await screen.findByTestId('add-product');
    // Products sits under More, so More is the lit tab.
    expect(screen.getByTestId('nav-more').getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByTestId('nav-more'));
    expect(await screen.findByTestId('nav-staff')).toBeTruthy();
  });

  it('locking parks the cart under its person: the next one starts empty, the first gets theirs back', async () => {
    const centre = await enrolledTablet();
    await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 10 });
    await addPerson(centre, 'Zhang Wei', 'clerk', '5678');
    renderApp('/');
    await signIn('Zhang Wei', '5678');
    await screen.findAllByTestId('product-tile', {}, { timeout: 5000 });
    fireEvent.click(tile('RICE-5'));
    fireEvent.click(tile('RICE-5'));
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥71.00'));

    // Two taps to switch: lock, then the next person's name.
    fireEvent.click(screen.getByTestId('lock'));
    await signIn('Li Mei', centre.pin);
    await screen.findAllByTestId('product-tile');
    expect(screen.queryByTestId('cart-line')).toBeNull();

    fireEvent.click(screen.getByTestId('lock'));
    await signIn('Zhang Wei', '5678');
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥71.00'));
  });

  it('the tablet locks itself after the idle time an admin set, and says so', async () => {
    const centre = await enrolledTablet();
    await setMeta(db, 'idleLockMs', 300);
    await login(centre.staff.id, centre.pin);
    renderApp('/sales');
    await screen.findByTestId('current-staff');
    const reason = await screen.findByTestId('logout-reason', {}, { timeout: 5000 });
    expect(reason.dataset['reason']).toBe('idle');
  });

  it('settings ask for the PIN again when it was typed long ago', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    const later = Date.now() + 6 * 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    renderApp('/settings');
    await screen.findByTestId('pin-again');
    expect(screen.queryByTestId('idle-lock')).toBeNull();
    fireEvent.input(screen.getByTestId('pin-input'), { target: { value: '0000' } });
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong PIN, please try again');
    fireEvent.input(screen.getByTestId('pin-input'), { target: { value: centre.pin } });
    fireEvent.click(screen.getByTestId('pin-submit'));
    await screen.findByTestId('idle-lock');
  });
});

describe('a tablet the county removed', () => {
  freshTabletEach('en');

  it('shows only the removed screen, with its unsent changes, and enrols again only once they are saved or given up', async () => {
    const centre = await enrolledTablet();
    await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 10 });
    await login(centre.staff.id, centre.pin);
    await setMeta(db, 'revoked', { at: new Date().toISOString(), code: 'device_revoked' });
    renderApp('/');

    expect((await screen.findByTestId('revoked')).textContent).toContain('This tablet was removed');
    await waitFor(() => expect(screen.getByTestId('revoked-pending').dataset['count']).toBe('2'));
    expect(screen.queryByTestId('current-staff')).toBeNull();
    expect((await screen.findByTestId('export-admin')).textContent).toContain('Li Mei');
    const again = screen.getByTestId('revoked-enrol-again');
    expect(again).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId('revoked-discard'));
    await waitFor(() => expect(again).toHaveProperty('disabled', false));
    fireEvent.click(again);
    await screen.findByTestId('enrol-code');
    expect(await db.outbox.count()).toBe(0);
  });
});
