import type { Centre, Product, Role, Staff } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { hashPin } from '../../../src/shared/domain/pin';
import { newStaffSecret, staffKeysOf, wrapStaffSecret, type StaffKeys } from '../../../src/shared/auth/staff-key';
import { CunzhanDb } from '../../../src/client/data/db';
import { setMeta } from '../../../src/client/data/meta';
import type { CommandContext } from '../../../src/client/data/commands/run-command';

let dbCounter = 0;

/** A database of its own for each test, so tests never see each other's rows. */
export function freshDb(label = 'test'): CunzhanDb {
  dbCounter += 1;
  return new CunzhanDb(`${label}-${dbCounter}-${uuidv7()}`);
}

export const TEST_PIN = '4321';

export interface LocalDevice {
  db: CunzhanDb;
  centre: Centre;
  staff: Staff;
  /** The staff member's keys, as signing in with TEST_PIN unlocks them. */
  keys: StaffKeys;
  ctx: CommandContext;
}

/** Few iterations: the PIN check is the same code, just faster to run in tests. */
export const TEST_KEY_ITERATIONS = 1000;

/** A staff row with a key wrapped under `pin` (as the server or an admin makes it), and its keys. */
export async function keyedStaff(fields: Omit<Staff, 'id'> & { id?: string }, pin: string): Promise<{ staff: Staff; keys: StaffKeys }> {
  const id = fields.id ?? uuidv7();
  const secret = newStaffSecret();
  const keyId = uuidv7();
  const material = await wrapStaffSecret(secret, pin, id, keyId, TEST_KEY_ITERATIONS);
  return { staff: { ...fields, id, ...material }, keys: await staffKeysOf(secret, keyId) };
}

/**
 * An enrolled tablet with one staff member, an admin unless `role` says
 * otherwise (admins may run every kind), set up without a server (as a first
 * pull would leave it). `legacy`: the row predates keys (a PIN hash only).
 */
export async function localDevice(label = 'device', options: { legacy?: boolean; role?: Role } = {}): Promise<LocalDevice> {
  const db = freshDb(label);
  const now = new Date().toISOString();
  const centre: Centre = { id: uuidv7(), name: { 'zh-CN': '测试站', en: 'Test centre' }, createdAt: now, updatedAt: now };
  const staffId = uuidv7();
  const base = { id: staffId, centreId: centre.id, name: '李强', role: options.role ?? 'admin', active: true, createdAt: now, updatedAt: now, createdBy: staffId };
  const { staff, keys } = await keyedStaff(base, TEST_PIN);
  const row: Staff = options.legacy ? { ...base, ...(await hashPin(TEST_PIN, TEST_KEY_ITERATIONS)) } : staff;
  const deviceId = uuidv7();
  await setMeta(db, 'device', { deviceId, token: 'test-token', centre, name: 'Counter tablet', enrolledAt: now });
  await db.staff.put(row);
  return { db, centre, staff: row, keys, ctx: { db, staffId, deviceId, centreId: centre.id, keys } };
}

export function productInput(overrides: Partial<Pick<Product, 'sku' | 'barcode' | 'names' | 'unit' | 'priceFen' | 'lowStockThreshold'>> = {}) {
  return {
    sku: 'RICE-5KG',
    barcode: '6901234567892',
    names: { 'zh-CN': '大米 5公斤', en: 'Rice 5 kg', ug: 'گۈرۈچ 5 كىلو' },
    unit: '袋',
    priceFen: 3500,
    lowStockThreshold: 3,
    ...overrides,
  };
}

/** Stock computed the slow, obvious way: every movement plus every sale line, in whole thousandths (weights have three decimals). */
export async function stockFromRows(db: CunzhanDb): Promise<Map<string, number>> {
  const milli = new Map<string, number>();
  const add = (productId: string, qty: number) => milli.set(productId, (milli.get(productId) ?? 0) + Math.round(qty * 1000));
  for (const m of await db.movements.toArray()) add(m.productId, m.delta);
  for (const s of await db.sales.toArray()) {
    for (const l of s.lines) add(l.productId, -l.qty);
  }
  return new Map([...milli].map(([id, m]) => [id, m / 1000]));
}

export async function cachedLevels(db: CunzhanDb): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  for (const s of await db.stockLevels.toArray()) if (s.level !== 0) levels.set(s.productId, s.level);
  return levels;
}

export function nonZero(levels: Map<string, number>): Map<string, number> {
  return new Map([...levels].filter(([, level]) => level !== 0));
}
