import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/data/db';
import { PROOF_PATTERN } from '../../src/shared/auth/staff-proof';
import { STAFF_KEY_ITERATIONS, unsealStaffSecret, unwrapStaffSecret, type StaffKeyMaterial } from '../../src/shared/auth/staff-key';
import { freshTabletEach, renderApp } from './support';
import { centreWithAdmin, signInAdmin } from './staff-support';

interface QueuedCreate {
  staffId: string;
  name: string;
  role: string;
  key: StaffKeyMaterial;
  sealedKey: string;
}

function typeOnPad(digits: string) {
  for (const d of digits) fireEvent.click(screen.getByTestId(`pin-key-${d}`));
}

async function openAddForm() {
  const centre = await centreWithAdmin();
  await signInAdmin(centre);
  const view = renderApp('/staff/new');
  await screen.findByTestId('staff-form', {}, { timeout: 5000 });
  return { centre, ...view };
}

describe('adding a person', () => {
  freshTabletEach('en');

  it('queues a staff.create whose wrapped key the new PIN opens and whose sealed key the admin’s secret opens', async () => {
    const { centre } = await openAddForm();
    fireEvent.input(screen.getByTestId('staff-name'), { target: { value: '  Ayigül  ' } });
    fireEvent.click(screen.getByTestId('staff-role-clerk'));
    expect(screen.getByTestId('staff-pin-rule').textContent).toBe('The PIN has 4 to 6 digits');

    // The pad types into the first field; its tick moves on to the second.
    typeOnPad('4826');
    expect((screen.getByTestId('staff-pin-pin') as HTMLInputElement).value).toBe('4826');
    fireEvent.click(document.querySelector('.pin-key-ok')!);
    typeOnPad('4826');
    expect((screen.getByTestId('staff-pin-again') as HTMLInputElement).value).toBe('4826');
    fireEvent.click(screen.getByTestId('staff-save'));

    // Back on the list, the new person is there, active, as a clerk.
    await waitFor(() => expect(screen.getAllByTestId('staff-row').map((r) => r.textContent)).toContain('AyigülClerk'), { timeout: 10_000 });

    const entries = await db.outbox.toArray();
    const create = entries.find((e) => e.kind === 'staff.create');
    expect(create).toBeDefined();
    expect(create!.staffId).toBe(centre.admin.row.id);
    expect(create!.proof).toMatch(PROOF_PATTERN);
    const args = create!.args as QueuedCreate;
    expect(args).toMatchObject({ name: 'Ayigül', role: 'clerk' });
    expect(args.key.keyIterations).toBe(STAFF_KEY_ITERATIONS);
    expect(JSON.stringify(args)).not.toContain('4826');

    const fromPin = await unwrapStaffSecret(args.key, '4826', args.staffId);
    const fromSeal = await unsealStaffSecret(centre.admin.secret, args.sealedKey, args.staffId, args.key.keyId);
    expect(fromPin).not.toBeNull();
    expect(fromSeal).not.toBeNull();
    expect([...fromSeal!]).toEqual([...fromPin!]);
    expect(await unwrapStaffSecret(args.key, '4827', args.staffId)).toBeNull();

    const row = await db.staff.get(args.staffId);
    expect(row).toMatchObject({ name: 'Ayigül', role: 'clerk', active: true, createdBy: centre.admin.row.id, keyId: args.key.keyId });
  });

  it('explains the PIN rule of each role, and a PIN typed differently twice', async () => {
    await openAddForm();
    const save = () => fireEvent.click(screen.getByTestId('staff-save'));
    const pin = (which: 'pin' | 'again', value: string) => fireEvent.input(screen.getByTestId(`staff-pin-${which}`), { target: { value } });

    save();
    expect(await screen.findByText('Enter a name')).toBeTruthy();
    expect(screen.getByText('Enter 4 to 6 digits')).toBeTruthy();

    fireEvent.input(screen.getByTestId('staff-name'), { target: { value: 'Zhang Wei' } });
    fireEvent.click(screen.getByTestId('staff-role-admin'));
    expect(screen.getByTestId('staff-pin-rule').textContent).toBe('The PIN has 6 digits');
    pin('pin', '4826');
    pin('again', '4826');
    save();
    expect(await screen.findByText("A manager's PIN must have exactly 6 digits")).toBeTruthy();

    // Letters are dropped as they are typed; seven digits stop at six.
    pin('pin', '48a26x1937');
    expect((screen.getByTestId('staff-pin-pin') as HTMLInputElement).value).toBe('482619');
    pin('again', '482610');
    save();
    expect(await screen.findByText('The two PINs are different. Type them again.')).toBeTruthy();

    pin('again', '');
    save();
    expect(await screen.findByText('Type the PIN a second time')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });
});
