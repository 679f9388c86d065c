import type { Hono } from 'hono';
import { createCentre, writeServerRows } from '../../../src/server/admin/operations';
import { createApp, type AppDeps } from '../../../src/server/app';
import { issueEnrolCode } from '../../../src/server/auth/enrol-codes';
import { listen, type Listening } from '../../../src/server/server';
import type { Store } from '../../../src/server/store/store';
import type { Centre, Product, Staff, StockMovement } from '../../../src/shared/domain/entities';
import type { Customer } from '../../../src/shared/domain/villagers';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { OpenedStore, StoreKind } from '../../server/support/stores';
import type { DataLocation } from './inspect-db';
import { addSignedStaff, type TestSigner } from '../../support/signing';

/** The real app over a real store and a real socket, in this process (quicker to start than a built server). */
export interface InProcessServer {
  app: Hono;
  store: Store;
  location: DataLocation;
  url: string;
  port: number;
  centre: Centre;
  clerk: Staff;
  /** Signs as the clerk (PIN 2222), as the clerk's tablet would. */
  signer: TestSigner;
  products: Product[];
  /** A villager of the centre (no consent: a name only). */
  villager: Customer;
  /** A one-time enrolment code for the centre. */
  issueCode(): Promise<string>;
  close(): Promise<void>;
}

export async function startInProcessServer(
  kind: StoreKind,
  options: { products?: number; deps?: Partial<AppDeps> } = {},
): Promise<InProcessServer> {
  const opened: OpenedStore = await kind.open();
  const store = opened.store;
  const app = createApp({ store, ...options.deps });
  const centre = await createCentre(store, { 'zh-CN': '故障站', en: 'Fault centre' });
  const { staff: clerk, signer } = await addSignedStaff(store, { centreId: centre.id, name: '李强', role: 'clerk', pin: '2222' });
  const products = seedProducts(centre.id, clerk.id, options.products ?? 3);
  const at = new Date().toISOString();
  const villager: Customer = {
    ...{ id: uuidv7(), centreId: centre.id, createdAt: at, updatedAt: at, createdBy: clerk.id },
    ...{ name: '张桂兰', consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '', mergedInto: null, deleted: false },
  };
  await writeServerRows(store, centre.id, [
    ...products.map((row) => ({ table: 'products' as const, row })),
    ...products.map((p) => ({ table: 'movements' as const, row: openingStock(p) })),
    { table: 'customers', row: villager },
  ]);
  let http: Listening | null = await listen(app, 0, '127.0.0.1');
  const port = http.port;
  return {
    app,
    store,
    location: opened.config,
    url: `http://127.0.0.1:${port}`,
    port,
    centre,
    clerk,
    signer,
    products,
    villager,
    issueCode: async () => (await issueEnrolCode(store, centre.id, 1)).code,
    async close() {
      await http?.close();
      http = null;
      await opened.dispose();
    },
  };
}

function seedProducts(centreId: string, createdBy: string, count: number): Product[] {
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    centreId,
    sku: `F-${i}`,
    barcode: `6900000${String(i).padStart(6, '0')}`,
    names: { 'zh-CN': `商品${i}`, en: `Product ${i}`, ug: `مەھسۇلات ${i}` },
    unit: '个',
    priceFen: 100 + i * 10,
    kind: 'stock',
    lowStockThreshold: 1,
    active: true,
    createdAt: now,
    updatedAt: now,
    createdBy,
  }));
}

function openingStock(product: Product): StockMovement {
  return {
    id: uuidv7(),
    centreId: product.centreId,
    productId: product.id,
    delta: 1000,
    reason: 'receive',
    note: 'opening stock',
    deviceId: 'server',
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    createdBy: product.createdBy,
  };
}
