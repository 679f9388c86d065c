/** Every mutation kind that exists. Each has one file in this folder. */
export const MUTATION_KINDS = ['product.create', 'product.update', 'stock.receive', 'stock.adjust', 'sale.create'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export function isMutationKind(value: string): value is MutationKind {
  return (MUTATION_KINDS as readonly string[]).includes(value);
}
