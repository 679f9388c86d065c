import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { createCustomer, type VillagerInput } from '../../src/client/data/commands/customer-create';
import { db } from '../../src/client/data/db';
import { setMeta } from '../../src/client/data/meta';
import { setLanguage } from '../../src/client/i18n';
import { HISTORY_PAGE } from '../../src/client/data/queries/villager-history';
import { orderAt, villagerAndPlatform } from './orders-support';
import { enrolledTablet, freshTabletEach, renderApp, type TestCentre } from './support';

function type(testId: string, value: string) {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

function villager(fields: Partial<VillagerInput> & { name: string }): VillagerInput {
  return { consent: true, phone: '', village: '', household: '', householdSize: 0, notes: '', ...fields };
}

async function listedNames(): Promise<string[]> {
  return screen.queryAllByTestId('villager-row').map((row) => row.querySelector('strong')?.textContent ?? '');
}

async function withVillagers(centre: TestCentre) {
  const fang = await createCustomer(villager({ name: '王芳', phone: '13800138000', village: '红星村' }), centre.ctx);
  const qiang = await createCustomer(villager({ name: '李强', phone: '13912345678', village: '东风村' }), centre.ctx);
  return { fang, qiang };
}

describe('villagers list', () => {
  freshTabletEach('en');

  it('finds villagers as you type: pinyin initials, phone digits, village pinyin', async () => {
    const centre = await enrolledTablet('clerk');
    await withVillagers(centre);
    await login(centre.staff.id, centre.pin);
    renderApp('/villagers');
    await screen.findByTestId('villagers-search', {}, { timeout: 5000 });
    await waitFor(async () => expect((await listedNames()).sort()).toEqual(['李强', '王芳']));

    type('villagers-search', 'wf');
    await waitFor(async () => expect(await listedNames()).toEqual(['王芳']));
    type('villagers-search', '5678');
    await waitFor(async () => expect(await listedNames()).toEqual(['李强']));
    type('villagers-search', 'hongx');
    await waitFor(async () => expect(await listedNames()).toEqual(['王芳']));
    type('villagers-search', 'nobody');
    expect(await screen.findByText('No villager matches')).toBeTruthy();
    // The tablet holds all the history there is: no note about the server.
    expect(screen.queryByTestId('older-history-note')).toBeNull();
  });

  it('says when older closed orders and parcels are kept on the server only', async () => {
    const centre = await enrolledTablet('clerk');
    await withVillagers(centre);
    await login(centre.staff.id, centre.pin);
    await setMeta(db, 'historyComplete', '2025-12-01T00:00:00.000Z');
    await setMeta(db, 'olderHistory', true);
    renderApp('/villagers');
    type(await screen.findByTestId('villagers-search', {}, { timeout: 5000 }).then(() => 'villagers-search'), 'wf');
    const note = await screen.findByTestId('older-history-note');
    expect(note.textContent).toContain('closed before');
    expect(note.textContent).toContain('2025');
  });
});

describe('villager form', () => {
  freshTabletEach('en');

  it('without consent keeps only the name and says why; with it, a malformed phone is explained under the field', async () => {
    const centre = await enrolledTablet('clerk');
    await login(centre.staff.id, centre.pin);
    renderApp('/villagers/new');
    await screen.findByTestId('villager-form', {}, { timeout: 5000 });

    // No consent yet: only the name is asked, and the screen says why.
    expect(screen.getByTestId('villager-no-consent').textContent).toContain('only a display name is kept');
    expect(screen.queryByTestId('villager-phone')).toBeNull();

    fireEvent.click(screen.getByTestId('villager-consent-yes'));
    type('villager-name', '王芳');
    type('villager-phone', '12345');
    type('villager-village', '红星村');
    fireEvent.click(screen.getByTestId('villager-save'));
    const message = await screen.findByText('Enter a mainland mobile number: 11 digits starting with 1, for example 138 0013 8000');
    expect(message.closest('label')?.querySelector('input')?.name).toBe('phone');
    expect(await db.customers.count()).toBe(0);

    // Switching consent off clears what was typed; switching back starts empty.
    fireEvent.click(screen.getByTestId('villager-consent-no'));
    fireEvent.click(screen.getByTestId('villager-consent-yes'));
    expect((screen.getByTestId('villager-phone') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('villager-village') as HTMLInputElement).value).toBe('');

    type('villager-phone', '+86 139-1234-5678');
    type('villager-village', '红星村');
    fireEvent.click(screen.getByTestId('villager-save'));
    await screen.findByTestId('villager-title', {}, { timeout: 5000 });
    const [saved] = await db.customers.toArray();
    expect(saved).toMatchObject({ name: '王芳', consent: true, phone: '13912345678', village: '红星村' });
    expect((await db.customerSearch.get(saved!.id))?.keys).toContain('wf');
  });

  it('a name-only villager is saved without any personal field', async () => {
    const centre = await enrolledTablet('clerk');
    await login(centre.staff.id, centre.pin);
    await setLanguage('zh-CN');
    renderApp('/villagers/new');
    await screen.findByTestId('villager-form', {}, { timeout: 5000 });
    expect(screen.getByTestId('villager-no-consent').textContent).toContain('只保留称呼');
    type('villager-name', '张大爷');
    fireEvent.click(screen.getByTestId('villager-save'));
    await screen.findByTestId('villager-title', {}, { timeout: 5000 });
    const [saved] = await db.customers.toArray();
    expect(saved).toMatchObject({ name: '张大爷', consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '' });
  });

  it('asks "this may be …" before creating a likely duplicate: use them, or create anyway', async () => {
    const centre = await enrolledTablet('clerk');
    await withVillagers(centre);
    await login(centre.staff.id, centre.pin);
    renderApp('/villagers/new');
    await screen.findByTestId('villager-form', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('villager-consent-yes'));
    type('villager-name', '芳芳');
    type('villager-phone', '138 0013 8000');
    fireEvent.click(screen.getByTestId('villager-save'));

    const warning = await screen.findByTestId('villager-duplicates');
    expect(warning.textContent).toContain('This may be a villager already known');
    expect(warning.textContent).toContain('王芳');
    expect(warning.textContent).toContain('Same phone');
    fireEvent.click(screen.getByTestId('villager-duplicate-use'));
    await waitFor(() => expect(screen.getByTestId('villager-title').textContent).toContain('王芳'));
    expect(await db.customers.count()).toBe(2);
  });

  it('creates the new villager anyway when told to', async () => {
    const centre = await enrolledTablet('clerk');
    await withVillagers(centre);
    await login(centre.staff.id, centre.pin);
    renderApp('/villagers/new');
    await screen.findByTestId('villager-form', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('villager-consent-yes'));
    type('villager-name', '王芳');
    type('villager-village', '红星村');
    fireEvent.click(screen.getByTestId('villager-save'));
    expect((await screen.findByTestId('villager-duplicates')).textContent).toContain('Same name and village');
    fireEvent.click(screen.getByTestId('villager-create-anyway'));
    await screen.findByTestId('villager-title', {}, { timeout: 5000 });
    expect(await db.customers.where('village').equals('红星村').count()).toBe(2);
  });
});

describe('merging villagers', () => {
  freshTabletEach('en');

  it('an admin picks the duplicate and confirms; the survivor keeps everything and the duplicate opens as the survivor', async () => {
    const centre = await enrolledTablet('admin');
    const survivor = await createCustomer(villager({ name: '王芳', phone: '13800138000', village: '红星村' }), centre.ctx);
    const duplicate = await createCustomer(villager({ name: '王芳芳', village: '红星村' }), centre.ctx);
    await login(centre.staff.id, centre.pin);
    const { router } = renderApp(`/villagers/${survivor.id}`);
    fireEvent.click(await screen.findByTestId('villager-merge', {}, { timeout: 5000 }));

    await screen.findByTestId('merge-search');
    const candidate = await waitFor(() => {
      const found = screen.getAllByTestId('merge-candidate').find((el) => el.dataset['id'] === duplicate.id);
      if (!found) throw new Error('not listed yet');
      return found;
    });
    // The survivor is never offered as its own duplicate.
    expect(screen.getAllByTestId('merge-candidate').some((el) => el.dataset['id'] === survivor.id)).toBe(false);
    fireEvent.click(candidate);
    expect(screen.getByTestId('merge-confirm').textContent).toContain('Merge 王芳芳 into 王芳?');
    fireEvent.click(screen.getByTestId('merge-yes'));

    await waitFor(async () => expect((await db.customers.get(duplicate.id))?.mergedInto).toBe(survivor.id));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/villagers/${survivor.id}`));

    await router.navigate({ to: '/villagers/$customerId', params: { customerId: duplicate.id } });
    await screen.findByTestId('villager-merged-notice');
    expect(screen.getByTestId('villager-title').textContent).toContain('王芳');
    expect(screen.getByTestId('villager-title').textContent).not.toContain('王芳芳');
  });

  it('a clerk sees no merge and no delete', async () => {
    const centre = await enrolledTablet('clerk');
    const fang = await createCustomer(villager({ name: '王芳' }), centre.ctx);
    await login(centre.staff.id, centre.pin);
    renderApp(`/villagers/${fang.id}`);
    await screen.findByTestId('villager-title', {}, { timeout: 5000 });
    expect(screen.getByTestId('villager-edit')).toBeTruthy();
    expect(screen.queryByTestId('villager-merge')).toBeNull();
    expect(screen.queryByTestId('villager-delete-card')).toBeNull();
  });
});

describe('villager page', () => {
  freshTabletEach('en');

  it('lists orders newest first, merged ones included, a page at a time', async () => {
    const centre = await enrolledTablet('clerk');
    const { customer, platform } = await villagerAndPlatform(centre);
    const { customer: merged } = await villagerAndPlatform(centre, 'Wang Fang (old)', '13800138001');
    await db.customers.put({ ...merged, mergedInto: customer.id });
    const total = HISTORY_PAGE + 5;
    const dayMs = 86_400_000;
    const orders = [];
    for (let i = 0; i < total; i++) {
      // Every fifth order was made under the merged record.
      const order = await orderAt(centre, i % 5 === 0 ? merged : customer, platform, 'placed');
      const createdAt = new Date(Date.now() - (total - i) * dayMs).toISOString();
      await db.orders.put({ ...order, createdAt, platformOrderNo: `TB-${i}` });
      orders.push({ ...order, createdAt, platformOrderNo: `TB-${i}` });
    }
    const newestFirst = orders.map((o) => o.id).reverse();
    await login(centre.staff.id, centre.pin);
    renderApp(`/villagers/${customer.id}`);

    const listed = () => screen.queryAllByTestId('villager-order').map((el) => el.getAttribute('href')?.split('/').pop());
    await waitFor(() => expect(listed()).toHaveLength(HISTORY_PAGE), { timeout: 5000 });
    expect(listed()).toEqual(newestFirst.slice(0, HISTORY_PAGE));
    const more = screen.getByTestId('villager-orders-more');
    expect(more.textContent).toBe('Show more (5 left)');
    fireEvent.click(more);
    await waitFor(() => expect(listed()).toEqual(newestFirst));
    expect(screen.queryByTestId('villager-orders-more')).toBeNull();
  });
});
