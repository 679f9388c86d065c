import * as v from 'valibot';
import type { Product } from '../domain/entities';
import { RefusalCode } from '../domain/refusals';
import { MAX_QUANTITY } from '../domain/stock';
import { fen, localizedName, shortText, uuid } from './fields';
import { refuse, type MutationDef } from './types';

export const productFields = {
  sku: shortText(40),
  barcode: shortText(64),
  names: localizedName,
  unit: shortText(20),
  priceFen: fen,
  lowStockThreshold: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_QUANTITY)),
};

const schema = v.strictObject({ id: uuid, ...productFields });
export type ProductCreateArgs = v.InferOutput<typeof schema>;

export const productCreate: MutationDef<ProductCreateArgs> = {
  kind: 'product.create',
  schema,
  reads: (args) => [{ table: 'products', id: args.id }],
  decide(args, state, ctx) {
    if (state.get('products', args.id)) return refuse(RefusalCode.alreadyExists);
    const product: Product = {
      ...args,
      kind: 'stock',
      active: true,
      centreId: ctx.centreId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'products', row: product }] };
  },
};
