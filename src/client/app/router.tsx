import { createRootRoute, createRoute, createRouter, lazyRouteComponent, type RouterHistory } from '@tanstack/react-router';
import { RootFrame } from './RootFrame';
import { SELL_PATH, SellSpot } from './KeptSellScreen';
import { ScreenError } from './ScreenError';
import { parseReceiptSearch, parseSalesSearch, parseStockSearch } from '../routes/search';
import { parseActivitySearch } from '../routes/activity-search';
import { parseForVillagerSearch, parseOrdersSearch } from '../routes/orders-search';
import { parseLessonSearch } from '../routes/training-search';
import { parseSessionSearch } from '../routes/training-session-search';
import { NotFound } from '../routes/not-found';
import { currentLanguage, withAllWords } from '../i18n';
import { takeHandedOver } from '../features/receipts/receipt-handover';

// Each screen is its own chunk: the first screen only loads the shell. Each waits for the words of
// every screen too, which come after the first screen's (i18n/index.ts).
const rootRoute = createRootRoute({ component: RootFrame, notFoundComponent: NotFound });

const sellRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: SELL_PATH,
  // The frame keeps the sell screen drawn across tabs (KeptSellScreen); the route only holds its place.
  component: SellSpot,
});
const salesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sales',
  validateSearch: parseSalesSearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/sales')), 'SalesRoute'),
});
const receiptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sales/$saleId',
  validateSearch: parseReceiptSearch,
  // The receipt is read while the screen's code loads, so it shows with the screen rather than after a "loading";
  // a sale's receipt, handed over by the sell screen, is there at once.
  loader: ({ params }) => {
    const lang = currentLanguage();
    return takeHandedOver('sale', params.saleId, lang) ?? import('../features/receipts/receipt-queries').then((m) => m.loadReceiptAhead('sale', params.saleId, lang));
  },
  component: lazyRouteComponent(() => withAllWords(import('../routes/receipt')), 'ReceiptRoute'),
});
const saleRefundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sales/$saleId/refund',
  component: lazyRouteComponent(() => withAllWords(import('../routes/refund')), 'RefundRoute'),
});
const saleVoidRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sales/$saleId/void',
  component: lazyRouteComponent(() => withAllWords(import('../routes/refund')), 'VoidRoute'),
});
const productsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products',
  component: lazyRouteComponent(() => withAllWords(import('../routes/products')), 'ProductsRoute'),
});
const productNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/new',
  component: lazyRouteComponent(() => withAllWords(import('../routes/product-edit')), 'ProductNewRoute'),
});
const productEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$productId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/product-edit')), 'ProductEditRoute'),
});
const stockRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/stock',
  validateSearch: parseStockSearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/stock')), 'StockRoute'),
});
const stockDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/stock/$productId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/stock-detail')), 'StockDetailRoute'),
});
const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: lazyRouteComponent(() => withAllWords(import('../routes/settings')), 'SettingsRoute'),
});
const refusalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/refusals',
  component: lazyRouteComponent(() => withAllWords(import('../routes/refusals')), 'RefusalsRoute'),
});

const staffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/staff',
  component: lazyRouteComponent(() => withAllWords(import('../routes/staff')), 'StaffRoute'),
});
const staffNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/staff/new',
  component: lazyRouteComponent(() => withAllWords(import('../routes/staff')), 'StaffNewRoute'),
});
const staffDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/staff/$staffId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/staff')), 'StaffDetailRoute'),
});
const activityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activity',
  validateSearch: parseActivitySearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/activity')), 'ActivityRoute'),
});

// Training: the packs, a pack's lessons, the lesson player (offline, from IndexedDB).
const trainingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/training',
  component: lazyRouteComponent(() => withAllWords(import('../routes/training')), 'TrainingRoute'),
});
const trainingPackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/training/$packId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/training')), 'TrainingPackRoute'),
});
const trainingLessonRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/training/$packId/$lessonId',
  validateSearch: parseLessonSearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/training')), 'TrainingLessonRoute'),
});
// Trainer sessions (attendance, quizzes in turn) and the centre's progress per course.
const trainingProgressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/training-sessions',
  component: lazyRouteComponent(() => withAllWords(import('../routes/training-sessions')), 'TrainingProgressRoute'),
});
const trainingSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/training-session/$sessionId',
  validateSearch: parseSessionSearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/training-sessions')), 'TrainingSessionRoute'),
});
const trainingVariantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/training/$packId/$lessonId/adapt',
  component: lazyRouteComponent(() => withAllWords(import('../routes/training-variant')), 'TrainingVariantRoute'),
});

const moreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/more',
  component: lazyRouteComponent(() => withAllWords(import('../routes/more')), 'MoreRoute'),
});
const ordersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders',
  validateSearch: parseOrdersSearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/orders')), 'OrdersRoute'),
});
const orderNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders/new',
  validateSearch: parseForVillagerSearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/orders')), 'OrderNewRoute'),
});
const orderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders/$orderId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/orders')), 'OrderRoute'),
});
const parcelsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/parcels',
  component: lazyRouteComponent(() => withAllWords(import('../routes/parcels')), 'ParcelsRoute'),
});
const parcelNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/parcels/new',
  validateSearch: parseForVillagerSearch,
  component: lazyRouteComponent(() => withAllWords(import('../routes/parcels')), 'ParcelNewRoute'),
});
const parcelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/parcels/$parcelId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/parcels')), 'ParcelRoute'),
});

const villagersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villagers',
  component: lazyRouteComponent(() => withAllWords(import('../routes/villagers')), 'VillagersRoute'),
});
const villagerNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villagers/new',
  component: lazyRouteComponent(() => withAllWords(import('../routes/villagers')), 'VillagerNewRoute'),
});
const villagerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villagers/$customerId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/villagers')), 'VillagerRoute'),
});
const villagerEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villagers/$customerId/edit',
  component: lazyRouteComponent(() => withAllWords(import('../routes/villagers')), 'VillagerEditRoute'),
});
const villagerMergeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villagers/$customerId/merge',
  component: lazyRouteComponent(() => withAllWords(import('../routes/villagers')), 'VillagerMergeRoute'),
});
const villagerRepayRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villagers/$customerId/repay',
  component: lazyRouteComponent(() => withAllWords(import('../routes/villagers')), 'VillagerRepayRoute'),
});
// Receipts of every kind, to print or share again, and a villager's credit statement.
const refundReceiptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/refunds/$refundId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/receipts')), 'RefundReceiptRoute'),
});
const repaymentReceiptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/repayments/$repaymentId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/receipts')), 'RepaymentReceiptRoute'),
});
const depositReceiptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders/$orderId/deposit',
  component: lazyRouteComponent(() => withAllWords(import('../routes/receipts')), 'DepositReceiptRoute'),
});
const villagerStatementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villagers/$customerId/statement',
  component: lazyRouteComponent(() => withAllWords(import('../routes/receipts')), 'StatementRoute'),
});
const cashUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cashup',
  component: lazyRouteComponent(() => withAllWords(import('../routes/cashup')), 'CashUpRoute'),
});

// The county admin area: online, desktop or tablet browser, its own sign-in (features/county).
const countyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/county',
  component: lazyRouteComponent(() => withAllWords(import('../routes/county')), 'CountyRoute'),
});
const countyCentresRoute = createRoute({
  getParentRoute: () => countyRoute,
  path: '/',
  component: lazyRouteComponent(() => withAllWords(import('../routes/county-centres')), 'CountyCentresRoute'),
});
const countyCentreRoute = createRoute({
  getParentRoute: () => countyRoute,
  path: '/centres/$centreId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/county-centre')), 'CountyCentreRoute'),
});
const countyImportRoute = createRoute({
  getParentRoute: () => countyRoute,
  path: '/import',
  component: lazyRouteComponent(() => withAllWords(import('../routes/county-import')), 'CountyImportRoute'),
});
const countyPacksRoute = createRoute({
  getParentRoute: () => countyRoute,
  path: '/packs',
  component: lazyRouteComponent(() => withAllWords(import('../routes/county-packs')), 'CountyPacksRoute'),
});
const countyVariantsRoute = createRoute({
  getParentRoute: () => countyRoute,
  path: '/packs/$packId/variants',
  component: lazyRouteComponent(() => withAllWords(import('../routes/county-variants')), 'CountyVariantsRoute'),
});
const countyVariantRoute = createRoute({
  getParentRoute: () => countyRoute,
  path: '/packs/$packId/variants/$centreId/$lessonId',
  component: lazyRouteComponent(() => withAllWords(import('../routes/county-variants')), 'CountyVariantRoute'),
});

const routeTree = rootRoute.addChildren([
  countyRoute.addChildren([countyCentresRoute, countyCentreRoute, countyImportRoute, countyPacksRoute, countyVariantsRoute, countyVariantRoute]),
  sellRoute,
  salesRoute,
  receiptRoute,
  saleRefundRoute,
  saleVoidRoute,
  productsRoute,
  productNewRoute,
  productEditRoute,
  stockRoute,
  stockDetailRoute,
  settingsRoute,
  refusalsRoute,
  staffRoute,
  staffNewRoute,
  staffDetailRoute,
  activityRoute,
  trainingRoute,
  trainingPackRoute,
  trainingLessonRoute,
  trainingProgressRoute,
  trainingSessionRoute,
  trainingVariantRoute,
  villagersRoute,
  villagerNewRoute,
  villagerRoute,
  villagerEditRoute,
  villagerMergeRoute,
  villagerRepayRoute,
  cashUpRoute,
  refundReceiptRoute,
  repaymentReceiptRoute,
  depositReceiptRoute,
  villagerStatementRoute,
  moreRoute,
  ordersRoute,
  orderNewRoute,
  orderRoute,
  parcelsRoute,
  parcelNewRoute,
  parcelRoute,
]);

export interface RouterOptions {
  /** A memory history starts the app at a given path without a browser. */
  history?: RouterHistory;
}

export function makeRouter(options: RouterOptions = {}) {
  // A failing screen says so in the tablet's language, not the router's English default.
  const common = { routeTree, defaultPreload: 'intent', defaultErrorComponent: ScreenError } as const;
  return options.history ? createRouter({ ...common, history: options.history }) : createRouter(common);
}

export type AppRouter = ReturnType<typeof makeRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
