import type { AnyRow, Centre, LocalizedName, Role, Staff, TableName } from '../../shared/domain/entities';
import { uuidv7 } from '../../shared/domain/ids';
import { hashPin, PIN_PATTERN } from '../../shared/domain/pin';
import type { Store } from '../store/store';

/** Writes rows the server itself makes (seed, admin): each gets a fresh seq, like a push. */
export async function writeServerRows(store: Store, centreId: string, rows: readonly { table: TableName; row: AnyRow }[]) {
  await store.inCentreTx(centreId, (tx) => tx.writeRows(rows));
}

export async function createCentre(store: Store, name: LocalizedName, now = new Date().toISOString()): Promise<Centre> {
  const centre: Centre = { id: uuidv7(), name, createdAt: now, updatedAt: now };
  await store.createCentre(centre);
  return centre;
}

export interface NewStaff {
  centreId: string;
  name: string;
  role: Role;
  pin: string;
  /** Who adds them; a first admin records themself. */
  createdBy?: string;
}

/** A staff member with a hashed PIN; tablets of the centre get them on their next pull. */
export async function makeStaff(input: NewStaff, now = new Date().toISOString()): Promise<Staff> {
  if (!PIN_PATTERN.test(input.pin)) throw new Error('PIN must be 4 to 8 digits');
  const id = uuidv7();
  return {
    id,
    centreId: input.centreId,
    name: input.name,
    role: input.role,
    ...(await hashPin(input.pin)),
    active: true,
    createdAt: now,
    updatedAt: now,
    createdBy: input.createdBy ?? id,
  };
}

export async function addStaff(store: Store, input: NewStaff): Promise<Staff> {
  const staff = await makeStaff(input);
  await writeServerRows(store, input.centreId, [{ table: 'staff', row: staff }]);
  return staff;
}
