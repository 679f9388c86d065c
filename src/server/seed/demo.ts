import type { Centre, Product, Role, StockMovement, TableName, AnyRow } from '../../shared/domain/entities';
import { SERVER_DEVICE_ID, uuidv7 } from '../../shared/domain/ids';
import { createCentre, makeStaff, writeStaff } from '../admin/operations';
import { issueEnrolCode, type IssuedCode } from '../auth/enrol-codes';
import type { Store } from '../store/store';
import { DEMO_PRODUCTS } from './demo-products';
import { unitNamesOf } from '../../shared/domain/units';
import { demoCreditRows } from './demo-credit';
import { demoRefundRows } from './demo-refunds';
import { demoVillageRows } from './demo-village-rows';
import { demoTrainingRows } from './demo-training';
import { demoVariantRows } from './demo-variants';
import type { Customer } from '../../shared/domain/villagers';
import { CENTRE_SETTINGS_ID, SETTING_DEFAULTS, type CentreSettings } from '../../shared/domain/centre-settings';

const DEMO_CENTRE_NAME = { 'zh-CN': '演示服务站', en: 'Demo centre', ug: 'سىناق مۇلازىمەت پونكىتى' } as const;
/** Printed at the head of the demo centre's receipts. */
const DEMO_CENTRE_PHONE = '0991-555 0123';

export const DEMO_STAFF: readonly { name: string; role: Role; pin: string }[] = [
  { name: '王芳', role: 'admin', pin: '111111' },
  { name: '李强', role: 'clerk', pin: '2222' },
  { name: '阿依古丽', role: 'clerk', pin: '3333' },
  { name: '张丽', role: 'trainer', pin: '4444' },
];

/** EAN-13 check digit over 12 digits. */
function ean13(digits12: string): string {
  const sum = [...digits12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${digits12}${(10 - (sum % 10)) % 10}`;
}

export interface SeedOutcome {
  /** The demo centre: the first centre there is. */
  centre: Centre;
  /** True only on the start that created it. */
  seeded: boolean;
}

/**
 * On the first start (no centres at all) creates the demo centre with its
 * staff, products and opening stock, two weeks of villagers, orders and
 * parcels (demo-village-rows.ts) and a credit ledger (demo-credit.ts). Every row goes through the change feed,
 * so an enrolled tablet receives it on its first pull.
 */
export async function seedDemoIfEmpty(store: Store, now = new Date().toISOString()): Promise<SeedOutcome> {
  const existing = (await store.listCentres())[0];
  if (existing) return { centre: existing, seeded: false };

  const centre = await createCentre(store, { ...DEMO_CENTRE_NAME }, now);
  const [admin, ...others] = await Promise.all(
    DEMO_STAFF.map((s) => makeStaff({ centreId: centre.id, name: s.name, role: s.role, pin: s.pin }, now)),
  );
  // The admin records themself (makeStaff's default); the admin adds the others.
  const staff = [admin!, ...others.map((c) => ({ ...c, row: { ...c.row, createdBy: admin!.row.id } }))];
  const base = { centreId: centre.id, createdAt: now, updatedAt: now, createdBy: admin!.row.id };
  const rows: { table: TableName; row: AnyRow }[] = [];
  for (const p of DEMO_PRODUCTS) {
    const product: Product = {
      ...base,
      id: uuidv7(),
      sku: p.sku,
      barcode: ean13(p.barcode12),
      names: { ...p.names },
      unit: p.unit,
      priceFen: p.priceFen,
      kind: 'stock',
      lowStockThreshold: p.lowStockThreshold,
      active: true,
      unitNames: { ...unitNamesOf({ unit: p.unit }) },
      category: p.category,
      ...(p.pinned ? { pinned: true } : {}),
      ...(p.weighed ? { soldBy: 'weight' as const } : {}),
    };
    const opening: StockMovement = {
      ...base,
      id: uuidv7(),
      productId: product.id,
      delta: p.initialStock,
      reason: 'receive',
      note: '', // the reason (received) says it all, in every language
      deviceId: SERVER_DEVICE_ID,
    };
    rows.push({ table: 'products', row: product }, { table: 'movements', row: opening });
  }
  const [first, second, third, trainer] = staff.map((s) => s.row.id);
  const village = demoVillageRows(centre.id, [first!, second!, third!], now);
  const products = rows.filter((r) => r.table === 'products').map((r) => r.row as Product);
  const customers = village.filter((r) => r.table === 'customers').map((r) => r.row as Customer);
  rows.push(...village, ...demoCreditRows(centre.id, [first!, second!, third!], products, customers, now));
  rows.push(...demoRefundRows(centre.id, [first!, second!, third!], rows, now));
  rows.push(...demoTrainingRows(centre.id, trainer!, customers, now));
  rows.push(...demoVariantRows(centre.id, trainer!, now));
  const settings: CentreSettings = { ...base, id: CENTRE_SETTINGS_ID, ...SETTING_DEFAULTS, centrePhone: DEMO_CENTRE_PHONE };
  rows.push({ table: 'settings', row: settings });
  await writeStaff(store, centre.id, staff, rows);
  return { centre, seeded: true };
}

export type EnrolCodeState = { created: true; issued: IssuedCode } | { created: false; validUntil: string };

/** Makes sure the centre has a usable enrolment code; makes one (valid `hours`) if not. */
export async function ensureEnrolCode(store: Store, centreId: string, hours = 72, now = new Date()): Promise<EnrolCodeState> {
  const validUntil = await store.usableEnrolCodeUntil(centreId, now.toISOString());
  if (validUntil) return { created: false, validUntil };
  return { created: true, issued: await issueEnrolCode(store, centreId, hours, now) };
}
