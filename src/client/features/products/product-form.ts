import { isCategory, type Category } from '../../../shared/domain/categories';
import type { LocalizedName, Product } from '../../../shared/domain/entities';
import { fenToYuanText, MAX_FEN, parseYuan } from '../../../shared/domain/money';
import { decimalsFor, parseQuantityText, soldByOf, type SoldBy } from '../../../shared/domain/quantity';
import { commonUnitByCode, commonUnitOf, unitNamesOf } from '../../../shared/domain/units';
import type { ProductInput } from '../../data/commands';

/** The unit select's choice for a unit typed in each language. */
export const OTHER_UNIT = 'other';

/** What the person typed: text fields, exactly as in the inputs. */
export interface ProductDraft {
  nameZh: string;
  nameEn: string;
  nameUg: string;
  sku: string;
  barcode: string;
  /** A common unit's code (units.ts), OTHER_UNIT, or '' before one is chosen. */
  unitCode: string;
  /** The unit in each language, when it is not a common one. */
  unitZh: string;
  unitEn: string;
  unitUg: string;
  soldBy: SoldBy;
  /** '' when uncategorised. */
  category: Category | '';
  pinned: boolean;
  price: string;
  lowStockThreshold: string;
  /** Only for a new product: how many are on the shelf now, recorded as goods received. */
  openingStock: string;
}

export type DraftField = keyof ProductDraft | 'names' | 'unit';
/** Field -> i18n key of the message shown under it. */
export type DraftErrors = { [F in DraftField]?: string | undefined };

export function emptyDraft(): ProductDraft {
  return {
    nameZh: '', nameEn: '', nameUg: '', sku: '', barcode: '', unitCode: '', unitZh: '', unitEn: '', unitUg: '',
    soldBy: 'piece', category: '', pinned: false, price: '', lowStockThreshold: '5', openingStock: '',
  };
}

export function draftFromProduct(p: Product): ProductDraft {
  return {
    nameZh: p.names['zh-CN'] ?? '',
    nameEn: p.names.en ?? '',
    nameUg: p.names.ug ?? '',
    sku: p.sku,
    barcode: p.barcode,
    ...unitFieldsOf(p),
    soldBy: soldByOf(p),
    category: isCategory(p.category) ? p.category : '',
    pinned: p.pinned === true,
    price: fenToYuanText(p.priceFen),
    lowStockThreshold: String(p.lowStockThreshold),
    openingStock: '',
  };
}

/** A product's unit as the form shows it: a common unit chosen, else its names typed in each language. */
function unitFieldsOf(p: Product): Pick<ProductDraft, 'unitCode' | 'unitZh' | 'unitEn' | 'unitUg'> {
  const names = unitNamesOf(p);
  const common = commonUnitOf(p.unit);
  const same = common && (['zh-CN', 'en', 'ug'] as const).every((lang) => !names[lang] || names[lang] === common.names[lang]);
  if (common && same) return { unitCode: common.code, unitZh: '', unitEn: '', unitUg: '' };
  return { unitCode: p.unit || names['zh-CN'] || names.en || names.ug ? OTHER_UNIT : '', unitZh: names['zh-CN'] ?? '', unitEn: names.en ?? '', unitUg: names.ug ?? '' };
}

/** The unit chosen or typed, in each language it has; null when there is none. */
function unitOf(draft: ProductDraft): LocalizedName | null {
  const common = commonUnitByCode(draft.unitCode);
  if (common) return { ...common.names };
  if (draft.unitCode !== OTHER_UNIT) return null;
  const names = typedNames(draft.unitZh, draft.unitEn, draft.unitUg);
  return Object.keys(names).length > 0 ? names : null;
}

function namesOf(draft: ProductDraft): LocalizedName {
  return typedNames(draft.nameZh, draft.nameEn, draft.nameUg);
}

/** Names typed in each language, trimmed; a language left empty is left out. */
function typedNames(zh: string, en: string, ug: string): LocalizedName {
  const names: LocalizedName = {};
  if (zh.trim()) names['zh-CN'] = zh.trim();
  if (en.trim()) names.en = en.trim();
  if (ug.trim()) names.ug = ug.trim();
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
  const unitNames = unitOf(draft);
  if (!unitNames) errors.unit = 'selling.unitRequired';
  else if (Object.values(unitNames).some((n) => (n ?? '').length > 20)) errors.unit = 'products.errors.tooLong';
  // The one-language `unit` every older tablet and receipt reads: the Chinese name first.
  const unit = unitNames ? (unitNames['zh-CN'] ?? unitNames.en ?? unitNames.ug ?? '') : '';
  const priceFen = parseYuan(draft.price);
  if (priceFen === null || priceFen < 0 || priceFen > MAX_FEN) errors.price = 'products.errors.priceInvalid';
  const threshold = parseQuantityText(draft.lowStockThreshold);
  if (threshold === null) errors.lowStockThreshold = 'products.errors.thresholdInvalid';
  const opening = creating && draft.openingStock.trim() !== '' ? parseQuantityText(draft.openingStock, decimalsFor(draft.soldBy)) : 0;
  if (opening === null) errors.openingStock = 'products.errors.openingInvalid';
  if (Object.keys(errors).length > 0 || priceFen === null || threshold === null || opening === null || !unitNames) return { ok: false, errors };
  const input: ProductInput = { sku, barcode, names, unit, priceFen, lowStockThreshold: threshold, unitNames, soldBy: draft.soldBy };
  if (draft.category) input.category = draft.category;
  if (draft.pinned) input.pinned = true;
  return { ok: true, input, openingStock: opening };
}

const FIELD_OF_PATH: Readonly<Record<string, keyof ProductDraft>> = {
  'names.zh-CN': 'nameZh',
  'names.en': 'nameEn',
  'names.ug': 'nameUg',
  sku: 'sku',
  barcode: 'barcode',
  unit: 'unitZh',
  'unitNames.zh-CN': 'unitZh',
  'unitNames.en': 'unitEn',
  'unitNames.ug': 'unitUg',
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
  // Older rows have no unitNames: what they read as (unitNamesOf) is what the form started from.
  if (after.unitNames && JSON.stringify(unitNamesOf(before)) !== JSON.stringify(after.unitNames)) patch.unitNames = after.unitNames;
  if (after.soldBy && soldByOf(before) !== after.soldBy) patch.soldBy = after.soldBy;
  if ((before.category ?? '') !== (after.category ?? '')) patch.category = after.category ?? '';
  if ((before.pinned === true) !== (after.pinned === true)) patch.pinned = after.pinned === true;
  return patch;
}
