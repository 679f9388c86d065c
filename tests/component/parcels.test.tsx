import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { logParcel } from '../../src/client/data/commands/parcel-log';
import { PICKUP_MISSES_MAX } from '../../src/client/data/commands/parcel-handover';
import { db } from '../../src/client/data/db';
import { getMeta } from '../../src/client/data/meta';
import { getRow } from '../../src/client/data/closed-history';
import { WAITING_PAGE } from '../../src/client/data/queries/parcels';
import { parcelIdFor } from '../../src/shared/domain/deterministic-id';
import type { Parcel } from '../../src/shared/domain/parcels';
import { villagerAndPlatform } from './orders-support';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

/** A code of six digits that is not `code`. */
function wrongCodeFor(code: string): string {
  return code === '123456' ? '654321' : '123456';
}

describe('parcels', () => {
  freshTabletEach('en');

  it('a tracking number already logged is caught while typing, with the parcel it duplicates; a new one shows its pickup code', async () => {
    const centre = await enrolledTablet();
    const { customer } = await villagerAndPlatform(centre);
    const first = await logParcel({ trackingNo: 'SF1234567890', carrier: 'SF', customerId: customer.id, orderId: null }, centre.ctx);
    await login(centre.staff.id, centre.pin);
    const { router } = renderApp('/parcels/new');

    // Spaces and lower case as a person types them; full-width digits as a Chinese keyboard gives them.
    fireEvent.input(await screen.findByTestId('parcel-tracking', {}, { timeout: 5000 }), { target: { value: 'sf 1234 56789０' } });
    const warning = await screen.findByTestId('parcel-duplicate');
    expect(warning.textContent).toContain('already logged');
    expect(screen.getByTestId('parcel-duplicate-open').getAttribute('href')).toBe(`/parcels/${first.id}`);
    expect((screen.getByTestId('parcel-save') as HTMLButtonElement).disabled).toBe(true);

    // A scanner types the number and presses Enter: the form moves on, nothing is saved half-filled.
    const tracking = screen.getByTestId('parcel-tracking');
    fireEvent.input(tracking, { target: { value: 'YT9876543210' } });
    fireEvent.keyDown(tracking, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByTestId('parcel-duplicate')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('parcel-carrier'));
    expect(await db.parcels.count()).toBe(1);

    fireEvent.click(await screen.findByTestId('villager-option'));
    fireEvent.click(screen.getByTestId('parcel-save'));
    const code = await screen.findByTestId('parcel-pickup-code');
    const saved = (await db.parcels.toArray()).find((p) => p.trackingNo === 'YT9876543210')!;
    expect(router.state.location.pathname).toBe(`/parcels/${saved.id}`);
    expect(code.textContent).toBe(saved.pickupCode);
    expect(saved.pickupCode).toMatch(/^\d{6}$/);
    expect(saved.pickupCode).not.toBe(first.pickupCode);
  });

  it(`after ${PICKUP_MISSES_MAX} wrong codes an admin's PIN is needed, across a reload; then the right code hands it over`, async () => {
    const centre = await enrolledTablet();
    const { customer } = await villagerAndPlatform(centre);
    const parcel = await logParcel({ trackingNo: 'ZTO55501234', carrier: '', customerId: customer.id, orderId: null }, centre.ctx);
    await login(centre.staff.id, centre.pin);
    renderApp(`/parcels/${parcel.id}`);

    const wrong = wrongCodeFor(parcel.pickupCode);
    for (let miss = 1; miss <= PICKUP_MISSES_MAX; miss++) {
      fireEvent.input(await screen.findByTestId('handover-code', {}, { timeout: 5000 }), { target: { value: wrong } });
      fireEvent.click(screen.getByTestId('handover-submit'));
      if (miss < PICKUP_MISSES_MAX) {
        await waitFor(() => expect(screen.getByTestId('handover-misses').dataset['misses']).toBe(String(miss)));
        expect(screen.getByRole('alert').textContent).toBe('Wrong pickup code');
      }
    }
    await screen.findByTestId('pickup-locked');
    expect(screen.queryByTestId('handover-code')).toBeNull();
    expect(await getMeta(db, 'pickupMisses')).toEqual({ [parcel.id]: PICKUP_MISSES_MAX });

    // A reload keeps the lock.
    cleanup();
    renderApp(`/parcels/${parcel.id}`);
    await screen.findByTestId('pickup-locked', {}, { timeout: 5000 });

    // A wrong admin PIN changes nothing; the right one lets codes be tried again.
    fireEvent.click(await screen.findByTestId('admin-choice'));
    fireEvent.input(screen.getByTestId('pin-input'), { target: { value: '0000' } });
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect((await within(screen.getByTestId('admin-pin')).findByRole('alert')).textContent).toBe('Wrong PIN, please try again');
    fireEvent.input(screen.getByTestId('pin-input'), { target: { value: centre.pin } });
    fireEvent.click(screen.getByTestId('pin-submit'));

    fireEvent.input(await screen.findByTestId('handover-code', {}, { timeout: 5000 }), { target: { value: parcel.pickupCode } });
    fireEvent.click(screen.getByTestId('handover-submit'));
    await waitFor(() => expect(screen.getByTestId('parcel-status').dataset['status']).toBe('collected'));
    expect(await getRow(db, 'parcels', parcel.id)).toMatchObject({ status: 'collected', handoverMethod: 'code', collectedBy: centre.staff.id });
    expect((await getMeta(db, 'pickupMisses'))?.[parcel.id]).toBeUndefined();
  });

  it('lists the oldest waiting parcels first with their villagers, and shows more on request, named too', async () => {
    const centre = await enrolledTablet();
    const total = WAITING_PAGE + 7;
    const villagers = await Promise.all(
      Array.from({ length: total }, (_, i) => villagerAndPlatform(centre, `Villager ${i}`, `139000${String(i).padStart(5, '0')}`)),
    );
    const dayMs = 86_400_000;
    // Synced rows, logged in shuffled order: the list's order comes from their arrival.
    const parcels: Parcel[] = villagers.map(({ customer }, i) => {
      const trackingNo = `YT${String(8_000_000_000 + i)}`;
      const at = new Date(Date.now() - (total - i) * dayMs).toISOString();
      return {
        id: parcelIdFor(trackingNo),
        centreId: centre.centreId,
        createdAt: at,
        updatedAt: at,
        createdBy: centre.staff.id,
        trackingNo,
        carrier: 'YTO',
        customerId: customer.id,
        orderId: null,
        pickupCode: String(200_000 + i),
        status: 'waiting',
        arrivedAt: at,
        collectedAt: null,
        collectedBy: null,
        handoverMethod: null,
        returnedAt: null,
        deviceId: centre.deviceId,
      };
    });
    await db.parcels.bulkPut([...parcels].reverse());
    await login(centre.staff.id, centre.pin);
    renderApp('/parcels');

    const rows = () => screen.queryAllByTestId('parcel-row');
    await waitFor(() => expect(rows()).toHaveLength(WAITING_PAGE), { timeout: 5000 });
    expect(rows().map((r) => r.dataset['tracking'])).toEqual(parcels.slice(0, WAITING_PAGE).map((p) => p.trackingNo));
    expect(rows()[0]!.textContent).toContain('Villager 0');
    expect(within(rows()[0]!).getByTestId('parcel-age').textContent).toBe(`${total} days`);
    const more = screen.getByTestId('parcels-show-more');
    expect(more.textContent).toBe('Show more (7 left)');

    fireEvent.click(more);
    await waitFor(() => expect(rows()).toHaveLength(total));
    expect(rows().map((r) => r.dataset['tracking'])).toEqual(parcels.map((p) => p.trackingNo));
    // The rows shown later carry their villagers' names, not "not matched".
    expect(rows()[total - 1]!.textContent).toContain(`Villager ${total - 1}`);
    expect(screen.queryByText('Not matched to a villager')).toBeNull();
    expect(screen.queryByTestId('parcels-show-more')).toBeNull();
  });
});
