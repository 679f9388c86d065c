import * as v from 'valibot';
import type { Product } from '../domain/entities';
import { CATEGORIES } from '../domain/categories';
import { RefusalCode } from '../domain/refusals';
import { MAX_QUANTITY } from '../domain/stock';
import { fen, localizedName, shortText, unitNames, uuid } from './fields';
import { refuse, type MutationDef } from './types';

export const productFields = {
  sku: shortText(40),
  barcode: shortText(64),
  names: localizedName,
  unit: shortText(20),
  priceFen: fen,
  lowStockThreshold: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_QUANTITY)),
};

/** Fields a product may leave out (rows from before them read as by the piece, uncategorised, not pinned). */
export const productOptionalFields = {
  unitNames: v.optional(unitNames),
  soldBy: v.optional(v.picklist(['piece', 'weight'])),
  /** Empty takes a product out of its category. */
  category: v.optional(v.picklist(['', ...CATEGORIES])),
  /** A quick key on the sell screen; product mutations are an admin's (permissions.ts). */
  pinned: v.optional(v.boolean()),
};

const schema = v.strictObject({ id: uuid, ...productFields, ...productOptionalFields });
export type ProductCreateArgs = v.InferOutput<typeof schema>;

export const productCreate: MutationDef<ProductCreateArgs> = {
  kind: 'product.create',
  schema,
  reads: (args) => [{ table: 'products', id: args.id }],
  decide(args, state, ctx) {
    if (state.get('products', args.id)) return refuse(RefusalCode.alreadyExists);
    const { unitNames, soldBy, category, pinned, ...base } = args;
    const product: Product = {
      ...base,
      kind: 'stock',
      active: true,
      centreId: ctx.centreId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    // Optional fields left out stay absent on the row, not present as undefined.
    if (unitNames !== undefined) product.unitNames = unitNames;
    if (soldBy !== undefined) product.soldBy = soldBy;
    if (category) product.category = category;
    if (pinned !== undefined) product.pinned = pinned;
    return { ok: true, changes: [{ table: 'products', row: product }] };
  },
};
