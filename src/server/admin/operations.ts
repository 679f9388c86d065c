import { toBase64 } from '../../shared/auth/base64';
import { newStaffSecret, wrapStaffSecret } from '../../shared/auth/staff-key';
import type { AnyRow, Centre, LocalizedName, Role, Staff, TableName } from '../../shared/domain/entities';
import { uuidv7 } from '../../shared/domain/ids';
import { isPinAllowed, pinRuleFor } from '../../shared/domain/pin-rule';
import { standardPlatforms } from '../seed/platforms';
import type { Store, StoredStaffKey } from '../store/store';

/** Writes rows the server itself makes (seed, admin): each gets a fresh seq, like a push. */
export async function writeServerRows(store: Store, centreId: string, rows: readonly { table: TableName; row: AnyRow }[]) {
  await store.inCentreTx(centreId, (tx) => tx.writeRows(rows));
}

/** A new centre with the standard online platforms (seed/platforms.ts), which its tablets pull like any row. */
export async function createCentre(store: Store, name: LocalizedName, now = new Date().toISOString()): Promise<Centre> {
  const centre: Centre = { id: uuidv7(), name, createdAt: now, updatedAt: now };
  await store.createCentre(centre);
  await writeServerRows(store, centre.id, standardPlatforms(centre.id, now).map((row) => ({ table: 'platforms' as const, row })));
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

/** A staff row and the secret behind it, which the server keeps (staff_keys) and the row holds wrapped. */
export interface MadeStaff {
  row: Staff;
  key: StoredStaffKey;
}

export function pinProblem(role: Role, pin: string): string | undefined {
  if (isPinAllowed(role, pin)) return undefined;
  const { minLength, maxLength } = pinRuleFor(role);
  return minLength === maxLength ? `a ${role}'s PIN is ${minLength} digits` : `a ${role}'s PIN is ${minLength} to ${maxLength} digits`;
}

/** A new secret wrapped under `pin` for the staff member `staffId`. */
export async function newStaffKey(staffId: string, pin: string, now: string) {
  const secret = newStaffSecret();
  const keyId = crypto.randomUUID();
  const material = await wrapStaffSecret(secret, pin, staffId, keyId);
  const key: StoredStaffKey = { staffId, keyId, secret: toBase64(secret), createdAt: now };
  return { material, key };
}

/** A staff member with a new secret wrapped under their PIN; not stored yet (see writeStaff). */
export async function makeStaff(input: NewStaff, now = new Date().toISOString()): Promise<MadeStaff> {
  const problem = pinProblem(input.role, input.pin);
  if (problem) throw new Error(problem);
  const id = uuidv7();
  const { material, key } = await newStaffKey(id, input.pin, now);
  const row: Staff = {
    id,
    centreId: input.centreId,
    name: input.name,
    role: input.role,
    active: true,
    ...material,
    createdAt: now,
    updatedAt: now,
    createdBy: input.createdBy ?? id,
  };
  return { row, key };
}

/** Stores staff secrets and rows (and any other rows) in one transaction. */
export async function writeStaff(store: Store, centreId: string, staff: readonly MadeStaff[], more: readonly { table: TableName; row: AnyRow }[] = []) {
  await store.inCentreTx(centreId, async (tx) => {
    await tx.addStaffKeys(staff.map((s) => s.key));
    await tx.writeRows([...staff.map((s) => ({ table: 'staff' as const, row: s.row })), ...more]);
  });
}

/** Adds a staff member; tablets of the centre get them on their next pull. */
export async function addStaff(store: Store, input: NewStaff): Promise<Staff> {
  const made = await makeStaff(input);
  await writeStaff(store, input.centreId, [made]);
  return made.row;
}
