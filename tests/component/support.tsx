import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { App } from '../../src/client/app/App';
import { makeRouter } from '../../src/client/app/router';
import { logout } from '../../src/client/auth/session';
import { createProduct, receiveStock, type CommandContext, type ProductInput } from '../../src/client/data/commands';
import { db } from '../../src/client/data/db';
import { setMeta } from '../../src/client/data/meta';
import { initI18n, setLanguage } from '../../src/client/i18n';
import type { Language, Product, Role, Staff } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { keyedStaff } from '../unit/support/local-device';

/** A tablet enrolled at one centre with one person (an admin unless told), as the app's real database holds it. */
export interface TestCentre {
  centreId: string;
  deviceId: string;
  staff: Staff;
  pin: string;
  ctx: CommandContext;
}

const PIN = '2468';

export async function enrolledTablet(role: Role = 'admin'): Promise<TestCentre> {
  const now = new Date().toISOString();
  const centreId = uuidv7();
  const deviceId = uuidv7();
  await setMeta(db, 'device', {
    deviceId,
    token: 'test-token',
    centre: { id: centreId, name: { 'zh-CN': '红星村服务站', en: 'Hongxing Village Centre' }, createdAt: now, updatedAt: now },
    name: 'Counter tablet',
    enrolledAt: now,
  });
  // Few iterations: the PIN check is the same code, just faster to run here.
  const { staff, keys } = await keyedStaff(
    { centreId, createdAt: now, updatedAt: now, createdBy: 'seed', name: 'Li Mei', role, active: true },
    PIN,
  );
  await db.staff.put(staff);
  return { centreId, deviceId, staff, pin: PIN, ctx: { db, staffId: staff.id, deviceId, centreId, keys } };
}

/** Another person of the same centre, with their own PIN. */
export async function addPerson(centre: TestCentre, name: string, role: Role, pin: string): Promise<Staff> {
  const now = new Date().toISOString();
  const { staff } = await keyedStaff({ centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: 'seed', name, role, active: true }, pin);
  await db.staff.put(staff);
  return staff;
}

export async function stockedProduct(
  centre: TestCentre,
  fields: { sku: string; en: string; zh: string; priceFen: number; qty: number; lowStockThreshold?: number; more?: Partial<ProductInput> },
): Promise<Product> {
  const product = await createProduct(
    {
      sku: fields.sku,
      barcode: '',
      names: { 'zh-CN': fields.zh, en: fields.en },
      unit: 'bag',
      priceFen: fields.priceFen,
      lowStockThreshold: fields.lowStockThreshold ?? 2,
      ...fields.more,
    },
    centre.ctx,
  );
  if (fields.qty > 0) await receiveStock({ productId: product.id, qty: fields.qty, note: '' }, centre.ctx);
  return product;
}

export function renderApp(path = '/') {
  const router = makeRouter({ history: createMemoryHistory({ initialEntries: [path] }) });
  const view = render(<App loadRoutes={async () => () => <RouterProvider router={router} />} />);
  return { ...view, router };
}

/** Each test starts from an empty tablet in the given language. */
export function freshTabletEach(lang: Language = 'en') {
  beforeEach(async () => {
    logout();
    sessionStorage.clear();
    localStorage.clear();
    await Promise.all(db.tables.map((table) => table.clear()));
    await initI18n();
    await setLanguage(lang);
  });
  afterEach(() => cleanup());
}

/**
 * Watches the screen's content area from now on: each change that shows
 * `testId` on view counts as 'shown' (in a screen kept hidden it is not),
 * one that shows a loading line as 'loading'. `stop()` ends the watch and
 * answers what was drawn, in order.
 */
export function watchDrawing(testId: string): { stop(): ('shown' | 'loading')[] } {
  const content = document.getElementById('content')!;
  const drawn: ('shown' | 'loading')[] = [];
  const onView = () => [...content.querySelectorAll(`[data-testid="${testId}"]`)].some((el) => !el.closest('.kept-screen-hidden'));
  const watch = new MutationObserver(() => {
    if (onView()) drawn.push('shown');
    else if (content.querySelector('.loading')) drawn.push('loading');
  });
  watch.observe(content, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  return {
    stop() {
      watch.disconnect();
      return drawn;
    },
  };
}
