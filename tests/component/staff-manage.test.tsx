import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import { unsealStaffSecret, unwrapStaffSecret, type StaffKeyMaterial } from '../../src/shared/auth/staff-key';
import { freshTabletEach, renderApp } from './support';
import { centreWithAdmin, signInAdmin } from './staff-support';

async function kindsQueued(): Promise<string[]> {
  return (await db.outbox.orderBy('seq').toArray()).map((e) => e.kind);
}

describe('managing staff', () => {
  freshTabletEach('en');

  it('deactivating asks first, says what happens, and then greys the person out', async () => {
    const centre = await centreWithAdmin();
    const clerk = await centre.addPerson('Li Qiang', 'clerk');
    await signInAdmin(centre);
    renderApp(`/staff/${clerk.row.id}`);

    fireEvent.click(await screen.findByTestId('deactivate-open', {}, { timeout: 5000 }));
    const confirm = screen.getByTestId('deactivate-confirm');
    expect(confirm.textContent).toContain('Deactivate Li Qiang?');
    expect(confirm.textContent).toContain('They can no longer sign in on any tablet once this change reaches it');
    expect(confirm.textContent).toContain('Sales they made offline before that are kept, and flagged');

    // Cancel changes nothing.
    fireEvent.click(within(confirm).getByTestId('deactivate-no'));
    expect(screen.queryByTestId('deactivate-confirm')).toBeNull();
    expect(await db.outbox.count()).toBe(0);

    fireEvent.click(screen.getByTestId('deactivate-open'));
    fireEvent.click(screen.getByTestId('deactivate-yes'));
    expect((await screen.findByTestId('staff-inactive', {}, { timeout: 5000 })).textContent).toMatch(/^Deactivated /);
    expect(await kindsQueued()).toEqual(['staff.deactivate']);
    expect(await db.staff.get(clerk.row.id)).toMatchObject({ active: false });

    fireEvent.click(screen.getByTestId('staff-back'));
    const inactive = await screen.findByTestId('staff-list-inactive');
    expect(within(inactive).getByTestId('staff-row').dataset['active']).toBe('false');
    expect(within(inactive).getByTestId('staff-row').textContent).toContain('Clerk · deactivated');
  });

  it('an admin cannot deactivate themself', async () => {
    const centre = await centreWithAdmin();
    await signInAdmin(centre);
    renderApp(`/staff/${centre.admin.row.id}`);
    expect((await screen.findByTestId('deactivate-self', {}, { timeout: 5000 })).textContent).toBe(
      'You cannot deactivate yourself: another manager must do it.',
    );
    expect(screen.queryByTestId('deactivate-open')).toBeNull();
  });

  it('a new PIN makes a new key, sealed for the server; the old PIN no longer opens the row', async () => {
    const centre = await centreWithAdmin();
    const clerk = await centre.addPerson('Li Qiang', 'clerk', '2468');
    await signInAdmin(centre);
    renderApp(`/staff/${clerk.row.id}`);

    fireEvent.click(await screen.findByTestId('reset-pin-open', {}, { timeout: 5000 }));
    fireEvent.input(screen.getByTestId('reset-pin-pin'), { target: { value: '97531' } });
    fireEvent.input(screen.getByTestId('reset-pin-again'), { target: { value: '97531' } });
    fireEvent.click(screen.getByTestId('reset-pin-save'));
    expect((await screen.findByTestId('pin-saved', {}, { timeout: 10_000 })).textContent).toContain('New PIN saved for Li Qiang');

    const entry = (await db.outbox.toArray()).find((e) => e.kind === 'staff.resetPin')!;
    const args = entry.args as { staffId: string; key: StaffKeyMaterial; sealedKey: string };
    expect(args.key.keyId).not.toBe(clerk.row.keyId);
    const secret = await unwrapStaffSecret(args.key, '97531', clerk.row.id);
    expect([...(await unsealStaffSecret(centre.admin.secret, args.sealedKey, clerk.row.id, args.key.keyId))!]).toEqual([...secret!]);

    const row = (await db.staff.get(clerk.row.id))!;
    expect(row.keyId).toBe(args.key.keyId);
    await expect(login(clerk.row.id, '2468')).rejects.toMatchObject({ code: 'wrong_pin' });
  });

  it('changing a role is queued and shown; a clerk cannot open the staff screens', async () => {
    const centre = await centreWithAdmin();
    const clerk = await centre.addPerson('Li Qiang', 'clerk');
    await signInAdmin(centre);
    const { router } = renderApp(`/staff/${clerk.row.id}`);

    fireEvent.click(await screen.findByTestId('change-role-trainer', {}, { timeout: 5000 }));
    fireEvent.click(screen.getByTestId('change-role-save'));
    expect((await screen.findByTestId('role-saved')).textContent).toBe('Saved: now Trainer');
    expect(await kindsQueued()).toEqual(['staff.setRole']);
    expect(await db.staff.get(clerk.row.id)).toMatchObject({ role: 'trainer' });

    await login(clerk.row.id, clerk.pin);
    await router.navigate({ to: '/staff' });
    expect(await screen.findByTestId('not-allowed', {}, { timeout: 5000 })).toBeTruthy();
  });
});
