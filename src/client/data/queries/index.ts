export { useProducts, useProduct, searchProducts, type ProductWithStock } from './products';
export { useOversold, useMovements } from './stock';
export { useSales, useSale, listSales, type SalesFilter } from './sales';
export { useStaffList, listStaff } from './staff';
export { useRefusals, dismissRefusal, type Refusal, type RefusalSummary, type RollbackNote } from './refusals';
