import type { Product } from '../domain/entities';
import type { MutationContext, ReadState } from './types';

/** The product, if it is one of this centre's: another centre's product is as unknown as a missing one. */
export function productOfCentre(state: ReadState, productId: string, ctx: MutationContext): Product | undefined {
  const product = state.get('products', productId);
  return product?.centreId === ctx.centreId ? product : undefined;
}
