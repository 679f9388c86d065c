import { uuidv7 } from '../../shared/domain/ids';
import { normaliseUsername, USERNAME_PATTERN } from '../../shared/protocol/county';
import type { Store } from '../store/store';
import { hashPassword, weakPasswordReason, type PasswordCost } from './password';

/** A county admin account could not be made; the message says why, for the person at the console. */
export class CountyAdminRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CountyAdminRefused';
  }
}

/** Makes a county admin account; refuses a taken name, an odd name or a weak password. */
export async function createCountyAdmin(store: Store, typedName: string, password: string, cost?: PasswordCost): Promise<{ id: string; username: string }> {
  const username = normaliseUsername(typedName);
  if (!USERNAME_PATTERN.test(username)) {
    throw new CountyAdminRefused('the username must be 3 to 64 of a-z, 0-9, ".", "_" or "-"');
  }
  const weak = weakPasswordReason(password);
  if (weak) throw new CountyAdminRefused(weak);
  const id = uuidv7();
  const passwordHash = await hashPassword(password, cost);
  if (!(await store.county.createAdmin({ id, username, passwordHash, createdAt: new Date().toISOString() }))) {
    throw new CountyAdminRefused(`a county admin named ${username} already exists`);
  }
  return { id, username };
}
