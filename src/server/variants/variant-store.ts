import type { LessonVariant } from '../../shared/training/lesson-variants';

/** A centre's variant as the county sees it. */
export interface CentreVariant {
  centreId: string;
  variant: LessonVariant;
}

/** A variant's save made into a pack version by a county admin. */
export interface VariantPromotion {
  centreId: string;
  variantId: string;
  /** The save (its mutation id) that was promoted: a later save is a new candidate. */
  savedBy: string;
  packId: string;
  version: number;
  promotedAt: string;
  promotedBy: string;
}

/**
 * What the county reads of lesson variants across centres, and the record
 * of their promotions. The variants themselves are synced rows (Store.readRow
 * reads one); both stores implement it.
 */
export interface VariantStore {
  /** Every centre's variants of lessons of this pack, newest save first. */
  variantsOfPack(packId: string): Promise<CentreVariant[]>;
  promotionsOfPack(packId: string): Promise<VariantPromotion[]>;
  /** Records a promotion; one already recorded for the same save stays as it was. */
  recordPromotion(promotion: VariantPromotion): Promise<void>;
}

export interface PromotionRecord {
  centre_id: string;
  variant_id: string;
  saved_by: string;
  pack_id: string;
  version: number | string;
  promoted_at: string;
  promoted_by: string;
}

export function toPromotion(r: PromotionRecord): VariantPromotion {
  return {
    centreId: r.centre_id,
    variantId: r.variant_id,
    savedBy: r.saved_by,
    packId: r.pack_id,
    version: Number(r.version),
    promotedAt: r.promoted_at,
    promotedBy: r.promoted_by,
  };
}

/** The promotion of this very save of a centre's variant, if it was promoted. */
export function promotionOfSave(promotions: readonly VariantPromotion[], centreId: string, variant: LessonVariant): VariantPromotion | undefined {
  return promotions.find((p) => p.centreId === centreId && p.variantId === variant.id && p.savedBy === variant.savedBy);
}

/** Newest save first, then by centre: the same order from both stores. */
export function byNewest(a: CentreVariant, b: CentreVariant): number {
  if (a.variant.updatedAt !== b.variant.updatedAt) return a.variant.updatedAt < b.variant.updatedAt ? 1 : -1;
  return a.centreId < b.centreId ? -1 : a.centreId > b.centreId ? 1 : 0;
}
