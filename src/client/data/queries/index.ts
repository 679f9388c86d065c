export { useProducts, useProduct, searchProducts, type ProductWithStock } from './products';
export { useStockLevel, useLowStock, useOversold, useMovements } from './stock';
export { useSales, useSale, listSales, type SalesFilter } from './sales';
export { useStaffList, listStaff } from './staff';
export { useRefusals, dismissRefusal, type Refusal, type RefusalSummary, type RollbackNote } from './refusals';
export { usePendingCount } from './pending';
export { displayName } from './search';
