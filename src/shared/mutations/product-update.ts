import * as v from 'valibot';
import type { Product } from '../domain/entities';
import { RefusalCode } from '../domain/refusals';
import { productOfCentre } from './centre-product';
import { uuid } from './fields';
import { productFields, productOptionalFields } from './product-create';
import { refuse, type MutationDef } from './types';

const schema = v.strictObject({
  id: uuid,
  patch: v.strictObject({
    sku: v.optional(productFields.sku),
    barcode: v.optional(productFields.barcode),
    names: v.optional(productFields.names),
    unit: v.optional(productFields.unit),
    priceFen: v.optional(productFields.priceFen),
    lowStockThreshold: v.optional(productFields.lowStockThreshold),
    active: v.optional(v.boolean()),
    ...productOptionalFields,
  }),
});
export type ProductUpdateArgs = v.InferOutput<typeof schema>;

/** Field-level last-writer-wins: only the fields the person changed are sent. */
export const productUpdate: MutationDef<ProductUpdateArgs> = {
  kind: 'product.update',
  schema,
  reads: (args) => [{ table: 'products', id: args.id }],
  decide(args, state, ctx) {
    const current = productOfCentre(state, args.id, ctx);
    if (!current) return refuse(RefusalCode.unknownProduct);
    const patch = Object.fromEntries(Object.entries(args.patch).filter(([, value]) => value !== undefined));
    const product: Product = { ...current, ...patch, updatedAt: ctx.now };
    return { ok: true, changes: [{ table: 'products', row: product }] };
  },
};
