import type { LocalizedName, Product } from '../../../shared/domain/entities';
import { fenToYuanText, MAX_FEN, parseYuan } from '../../../shared/domain/money';
import type { ProductInput } from '../../data/commands';
import { parseQuantity } from '../stock/quantity';

/** What the person typed: text fields, exactly as in the inputs. */
export interface ProductDraft {
  nameZh: string;
  nameEn: string;
  nameUg: string;
  sku: string;
  barcode: string;
  unit: string;
  price: string;
  lowStockThreshold: string;
  /** Only for a new product: how many are on the shelf now, recorded as goods received. */
  openingStock: string;
}

export type DraftField = keyof ProductDraft | 'names';
/** Field -> i18n key of the message shown under it. */
export type DraftErrors = { [F in DraftField]?: string | undefined };

export function emptyDraft(): ProductDraft {
  return { nameZh: '', nameEn: '', nameUg: '', sku: '', barcode: '', unit: '', price: '', lowStockThreshold: '5', openingStock: '' };
}

export function draftFromProduct(p: Product): ProductDraft {
  return {
    nameZh: p.names['zh-CN'] ?? '',
    nameEn: p.names.en ?? '',
    nameUg: p.names.ug ?? '',
    sku: p.sku,
    barcode: p.barcode,
    unit: p.unit,
    price: fenToYuanText(p.priceFen),
    lowStockThreshold: String(p.lowStockThreshold),
    openingStock: '',
  };
}

function namesOf(draft: ProductDraft): LocalizedName {
  const names: LocalizedName = {};
  if (draft.nameZh.trim()) names['zh-CN'] = draft.nameZh.trim();
  if (draft.nameEn.trim()) names.en = draft.nameEn.trim();
  if (draft.nameUg.trim()) names.ug = draft.nameUg.trim();
  return names;
}

/**
 * A SKU for a product saved without one: P, the day, and four random letters
 * or digits (P-261201-7K3Q), never one another product of this tablet has.
 */
export function generateSku(takenSkus: ReadonlySet<string>, now: Date = new Date(), random: () => number = Math.random): string {
  const day = now.toISOString().slice(2, 10).replaceAll('-', '');
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  for (;;) {
    let tail = '';
    for (let i = 0; i < 4; i++) tail += alphabet[Math.floor(random() * alphabet.length)];
    const sku = `P-${day}-${tail}`;
    if (!takenSkus.has(sku.toLocaleLowerCase())) return sku;
  }
}

export interface ValidDraft {
  ok: true;
  input: ProductInput;
  /** Units on the shelf when the product is created (0 when none were entered). */
  openingStock: number;
}

/**
 * Checks a draft the way the mutation schema will, but with messages a
 * person understands, and turns yuan text into integer fen.
 * `takenSkus` are the SKUs of the other local products (SKU is unique).
 * A new product (`creating`) may leave the SKU empty: one is made for it.
 */
export function validateDraft(
  draft: ProductDraft,
  takenSkus: ReadonlySet<string>,
  creating = false,
): ValidDraft | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const names = namesOf(draft);
  if (Object.keys(names).length === 0) errors.names = 'products.errors.nameRequired';
  const sku = draft.sku.trim() || (creating ? generateSku(takenSkus) : '');
  if (!sku) errors.sku = 'products.errors.skuRequired';
  else if (sku.length > 40) errors.sku = 'products.errors.tooLong';
  else if (takenSkus.has(sku.toLocaleLowerCase())) errors.sku = 'products.errors.skuTaken';
  const barcode = draft.barcode.trim();
  if (barcode.length > 64) errors.barcode = 'products.errors.tooLong';
  else if (barcode && !/^[0-9A-Za-z-]+$/.test(barcode)) errors.barcode = 'products.errors.barcodeInvalid';
  const unit = draft.unit.trim();
  if (!unit) errors.unit = 'products.errors.unitRequired';
  else if (unit.length > 20) errors.unit = 'products.errors.tooLong';
  const priceFen = parseYuan(draft.price);
  if (priceFen === null || priceFen < 0 || priceFen > MAX_FEN) errors.price = 'products.errors.priceInvalid';
  const threshold = parseQuantity(draft.lowStockThreshold);
  if (threshold === null) errors.lowStockThreshold = 'products.errors.thresholdInvalid';
  const opening = creating && draft.openingStock.trim() !== '' ? parseQuantity(draft.openingStock) : 0;
  if (opening === null) errors.openingStock = 'products.errors.openingInvalid';
  if (Object.keys(errors).length > 0 || priceFen === null || threshold === null || opening === null) return { ok: false, errors };
  return { ok: true, input: { sku, barcode, names, unit, priceFen, lowStockThreshold: threshold }, openingStock: opening };
}

const FIELD_OF_PATH: Readonly<Record<string, keyof ProductDraft>> = {
  'names.zh-CN': 'nameZh',
  'names.en': 'nameEn',
  'names.ug': 'nameUg',
  sku: 'sku',
  barcode: 'barcode',
  unit: 'unit',
};

/** The draft field showing a product.create or product.update args path (`names.en`, `patch.unit`), if any. */
export function draftFieldOf(path: string | undefined): keyof ProductDraft | undefined {
  return path === undefined ? undefined : FIELD_OF_PATH[path.replace(/^patch\./, '')];
}

/** Only the fields that changed: edits on two tablets merge field by field. */
export function changedFields(before: Product, after: ProductInput): Partial<ProductInput> {
  const patch: Partial<ProductInput> = {};
  if (before.sku !== after.sku) patch.sku = after.sku;
  if (before.barcode !== after.barcode) patch.barcode = after.barcode;
  if (before.unit !== after.unit) patch.unit = after.unit;
  if (before.priceFen !== after.priceFen) patch.priceFen = after.priceFen;
  if (before.lowStockThreshold !== after.lowStockThreshold) patch.lowStockThreshold = after.lowStockThreshold;
  if (JSON.stringify(namesOf(draftFromProduct(before))) !== JSON.stringify(after.names)) patch.names = after.names;
  return patch;
}
