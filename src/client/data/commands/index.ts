export { createProduct, type ProductInput } from './create-product';
export { updateProduct, type ProductPatch } from './update-product';
export { receiveStock, type ReceiveStockInput } from './receive-stock';
export { adjustStock, type AdjustStockInput, type AdjustReason } from './adjust-stock';
export { completeSale, type SaleInput } from './complete-sale';
export type { CommandContext } from './run-command';
